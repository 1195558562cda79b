import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { emitData } from './emit.ts';
import { findLostLines } from './nothing-lost.ts';

const TALKS = 5000;
const DAYS = 10;

/**
 * A 5 MB notes file with 5,000 talks (generated here: not worth committing). Every fifth talk
 * is empty, every fifth after it partial (a run of empty bullets), the rest complete.
 */
function bigNotes(): string {
  const out: string[] = ['# Big conference 2030', '', 'Five thousand talks in one file.', ''];
  for (let i = 0; i < TALKS; i++) {
    if (i % (TALKS / DAYS) === 0) out.push(`## 5/${i / (TALKS / DAYS) + 1}`, '');
    out.push(`### Talk ${i}: 分佈式系統 at scale 🚀`, '');
    if (i % 5 === 0) continue;
    for (let k = 0; k < 14; k++) {
      out.push(`- note ${k} about latency, throughput and 微服務 治理 in talk ${i}`);
      if (k % 3 === 0) out.push(`\t- detail ${k}: p99 went from 120 ms to 40 ms`);
    }
    out.push('', '```go', `fmt.Println(${i})`, '```', '', '- Reference');
    out.push(`\t- [slides ${i}](https://example.com/slides/${i})`);
    if (i % 5 === 1) out.push('', '#### Open questions', '-', '-');
    out.push('');
  }
  return out.join('\n');
}

describe('a 5 MB notes file with 5,000 talks', () => {
  it('compiles with sane statuses and loses no line', () => {
    const text = bigNotes();
    expect(Buffer.byteLength(text)).toBeGreaterThan(5_000_000);
    const compiled = compileSource('notes/big.md', text);
    expect(compiled.ok).toBe(true);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.days).toHaveLength(DAYS);
    const talks = compiled.days.flatMap((d) => d.talks);
    expect(talks).toHaveLength(TALKS);
    expect(new Set(talks.map((t) => t.slug)).size).toBe(TALKS);
    talks.forEach((t, i) => {
      expect(t.status).toBe(i % 5 === 0 ? 'empty' : i % 5 === 1 ? 'partial' : 'complete');
      if (t.status !== 'empty') expect(t.references).toHaveLength(1);
    });

    const emitted = emitData([compiled]);
    expect(emitted.index.summary).toEqual({
      talks: TALKS,
      complete: (TALKS * 3) / 5,
      partial: TALKS / 5,
      empty: TALKS / 5,
      gaps: (TALKS * 2) / 5,
    });
    const docs = emitted.talks.map((t) => t.document);
    expect(findLostLines(text, compiled, emitted.index, docs)).toEqual([]);
  }, 300_000);
});

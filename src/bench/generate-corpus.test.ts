import { describe, expect, it } from 'vitest';
import { compileSource } from '../compiler/compile.ts';
import { GAP_KINDS } from '../compiler/contract.ts';
import { emitData } from '../compiler/emit.ts';
import { findLostLines } from '../compiler/nothing-lost.ts';
import { generateConference, generateCorpus } from './generate-corpus.ts';

describe('generateCorpus', () => {
  it('is deterministic: same options, same bytes; another seed, other notes', () => {
    const a = generateCorpus({ conferences: 3, talks: 12 });
    expect(generateCorpus({ conferences: 3, talks: 12 })).toEqual(a);
    expect(generateCorpus({ conferences: 3, talks: 12, seed: 2 })).not.toEqual(a);
    // Each conference has its own random stream: one file can be made again alone.
    expect(generateConference(2, 12)).toEqual(a[2]);
  });

  it('writes N conference files of M talks, shaped like the shipped notes', () => {
    const files = generateCorpus({ conferences: 7, talks: 9 });
    expect(files).toHaveLength(7);
    expect(new Set(files.map((f) => f.name)).size).toBe(7);
    for (const file of files) {
      const lines = file.text.split('\n');
      expect(file.name).toMatch(/^[a-z0-9-]+\.md$/);
      expect(lines[0]).toMatch(/^# .+ \d{4}$/);
      expect(lines.filter((l) => /^## \d{1,2}\/\d{1,2}$/.test(l)).length).toBeGreaterThan(0);
      expect(lines.filter((l) => l.startsWith('### '))).toHaveLength(9);
      expect(file.text.endsWith('\n')).toBe(true);
    }
    const compiled = files.map((f) => compileSource(`notes/${f.name}`, f.text));
    expect(emitData(compiled).index.summary.talks).toBe(7 * 9);
  }, 120_000);

  it('mixes Traditional Chinese, Japanese and English, a few KB per talk with some long talks', () => {
    const files = generateCorpus({ conferences: 16, talks: 50 });
    const text = files.map((f) => f.text).join('\n');
    expect(text).toMatch(/\p{Script=Han}{2}/u);
    expect(text).toMatch(/\p{Script=Katakana}{3}/u);
    expect(text).toMatch(/\p{Script=Hiragana}/u);
    expect(text).toMatch(/\b[a-z]{4,} [a-z]{4,}\b/);
    const bytes = Buffer.byteLength(text);
    expect(bytes / (16 * 50)).toBeGreaterThan(1000);
    expect(bytes / (16 * 50)).toBeLessThan(4000);
    const talks = text.split(/^### /m).slice(1);
    const longest = Math.max(...talks.map((t) => Buffer.byteLength(t)));
    expect(longest).toBeGreaterThan(10_000);
  });

  // The compiler is slow on a busy machine: a small corpus and a generous timeout (not a timed test).
  it(
    'has gaps of every kind, compiles without a diagnostic and loses no line',
    { timeout: 120_000 },
    () => {
      const files = generateCorpus({ conferences: 3, talks: 30 });
      const compiled = files.map((f) => compileSource(`notes/${f.name}`, f.text));
      const emitted = emitData(compiled);
      const kinds = new Set(emitted.talks.flatMap((t) => t.document.gaps.map((g) => g.kind)));
      expect([...kinds].sort()).toEqual([...GAP_KINDS].sort());
      const statuses = new Set(emitted.talks.map((t) => t.document.status));
      expect([...statuses].sort()).toEqual(['complete', 'empty', 'partial']);
      // A talk with only references, and one with references among its notes.
      expect(
        emitted.talks.some(
          (t) => t.document.status === 'empty' && t.document.references.length > 0,
        ),
      ).toBe(true);
      expect(emitted.index.diagnostics).toEqual([]);
      const documents = emitted.talks.map((t) => t.document);
      files.forEach((file, i) => {
        expect(findLostLines(file.text, compiled[i]!, emitted.index, documents)).toEqual([]);
      });
    },
  );
});

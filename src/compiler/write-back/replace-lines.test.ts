import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { GAP_KINDS, type GapKind } from '../contract.ts';
import { lineCount, readLines, replaceLines } from './replace-lines.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const seed = readFileSync(path.join(import.meta.dirname, '../../../notes/gopherchina-2017.md'));
const markers = readFileSync(path.join(import.meta.dirname, '../fixtures/todo-markers/input.md'));

describe('replaceLines', () => {
  it('replaces exactly the lines asked for and keeps every other byte', () => {
    const out = replaceLines(bytes('a\nb\nc\n'), 2, 2, 'B1\nB2');
    expect(text(out)).toBe('a\nB1\nB2\nc\n');
  });

  it('keeps CRLF, a BOM and the missing final newline', () => {
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('# T\r\n\r\n- x\r\n-')]);
    const out = replaceLines(input, 4, 4, '- filled\n- more');
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(out.subarray(3))).toBe('# T\r\n\r\n- x\r\n- filled\r\n- more');
  });

  it('keeps a CR-only file CR-only', () => {
    expect(text(replaceLines(bytes('a\rb\rc'), 2, 2, 'x\ny')).split('')).toEqual(
      'a\rx\ry\rc'.split(''),
    );
  });

  it('removes lines with their line ending when the text is empty', () => {
    expect(text(replaceLines(bytes('a\nb\nc\n'), 2, 2, ''))).toBe('a\nc\n');
    expect(text(replaceLines(bytes('a\nb'), 2, 2, ''))).toBe('a');
  });

  it('refuses a range outside the file', () => {
    expect(() => replaceLines(bytes('a\nb'), 2, 3, 'x')).toThrow(RangeError);
    expect(() => replaceLines(bytes('a\nb'), 0, 1, 'x')).toThrow(/Unexpected range 0-1/);
    expect(() => replaceLines(bytes('a\nb'), 2, 1, 'x')).toThrow(RangeError);
  });

  it('reads the lines of a range as the compiler numbers them', () => {
    expect(readLines(bytes('a\r\nb\rc\nd'), 2, 3)).toBe('b\nc');
    expect(lineCount(bytes('a\nb\n'))).toBe(3);
  });
});

describe('filling every kind of gap', () => {
  const cases = [seed, markers].flatMap((source) => {
    const compiled = compileSource('notes.md', source);
    const gaps = compiled.days.flatMap((d) => d.talks.flatMap((t) => t.gaps));
    return gaps.map((gap) => ({ source, gap }));
  });
  const kinds = [...new Set(cases.map((c) => c.gap.kind))];

  it('has every kind of gap to fill', () => {
    expect(kinds.sort()).toEqual([...GAP_KINDS].sort());
  });

  it.each(kinds)('fills a `%s` gap: the gap is gone and nothing else changed', (kind) => {
    const { source, gap } = cases.find((c) => c.gap.kind === kind)!;
    const before = readLines(source, gap.line, gap.end);
    const filled = fill(kind, before);
    const out = replaceLines(source, gap.line, gap.end, filled);
    // Every line before and after the range is the same.
    const head = Buffer.from(source).toString('utf8').split('\n');
    const next = Buffer.from(out).toString('utf8').split('\n');
    const added = filled.split('\n').length - (gap.end - gap.line + 1);
    expect(next.slice(0, gap.line - 1)).toEqual(head.slice(0, gap.line - 1));
    expect(next.slice(gap.end + added)).toEqual(head.slice(gap.end));
    const again = compileSource('notes.md', out).days.flatMap((d) =>
      d.talks.flatMap((t) => t.gaps),
    );
    expect(again.some((g) => g.kind === kind && g.line === gap.line)).toBe(false);
  });
});

/** What a person would type into the editor for a gap of each kind. */
function fill(kind: GapKind, before: string): string {
  const lines = before.split('\n');
  switch (kind) {
    case 'empty-talk':
    case 'empty-section':
      return [lines[0], '', '- A note written in the reader.', ...lines.slice(1)].join('\n');
    case 'empty-heading':
      return [
        `${lines[0]} Filled title`,
        '- a note',
        ...lines.slice(1).filter((l) => l.trim() !== '-'),
      ].join('\n');
    case 'empty-references':
      return `${before}\n\t- [slides](https://example.org/slides)`;
    case 'empty-item':
      return lines.map((l) => (l.trim() === '-' ? `${l} filled` : l)).join('\n');
    case 'empty-link':
      return before.replaceAll('()', '(https://example.org/x)');
    case 'todo':
      return before.replace(/TODO|TBD|FIXME|待補|\?\?\?/, 'done');
  }
}

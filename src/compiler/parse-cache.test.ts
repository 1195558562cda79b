import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type PieceCache } from './parse.ts';

/** Outline lines, and lines that open or close what may swallow a heading. */
const line = fc.constantFrom(
  '# Conf',
  '## 4/15',
  '### Talk',
  '### Talk',
  '#### Section',
  '####',
  '- a',
  '\t- b',
  '-',
  '- Reference',
  '\t- [x](https://a.example)',
  '',
  '',
  'text 全局唯一',
  '> quote',
  '```',
  '<!--',
  '-->',
  '<div>',
  '[ref]: https://a.example',
  '[ref]',
  '[^n]',
  '[^n]: note',
  '---',
);

/** A document and a series of edits to it: insert, delete or replace one line. */
const edits = fc.record({
  lines: fc.array(line, { minLength: 4, maxLength: 40 }),
  edits: fc.array(
    fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      line,
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

describe('parseMarkdown with a piece cache', () => {
  it('gives the tree of a whole parse after every edit, reusing pieces', () => {
    let reused = 0;
    fc.assert(
      fc.property(edits, ({ lines, edits: changes }) => {
        const cache: PieceCache = new Map();
        const current = [...lines];
        const check = () => {
          const text = current.join('\n');
          const before = new Set([...cache.values()].flatMap((entry) => entry.children));
          const tree = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
          reused += tree.children.filter((child) => before.has(child)).length;
          expect(tree).toEqual(parseMarkdown(text, { chunkAbove: Infinity }));
        };
        check();
        for (const change of changes) {
          const at = change.at % (current.length + 1);
          if (change.kind === 'insert') current.splice(at, 0, change.line);
          else if (change.kind === 'delete') current.splice(at, 1);
          else current[Math.min(at, current.length - 1)] = change.line;
          check();
        }
      }),
      { numRuns: 300 },
    );
    // The cache must be used, not just be harmless.
    expect(reused).toBeGreaterThan(100);
  }, 120_000);
});

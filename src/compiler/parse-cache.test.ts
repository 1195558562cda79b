import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { livePieces, parseMarkdown, type PieceCache } from './parse.ts';
import { PackedPieces } from './piece-store.ts';

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

/** A cache that counts the pieces it hands out. */
function counted(cache: PieceCache): PieceCache & { hits: number } {
  const counting = {
    hits: 0,
    take(key: string) {
      const found = cache.take(key);
      if (found) counting.hits++;
      return found;
    },
    replace: (pieces: Parameters<PieceCache['replace']>[0]) => cache.replace(pieces),
  };
  return counting;
}

describe.each([
  ['live nodes', () => livePieces()],
  ['packed pieces', () => new PackedPieces()],
  ['packed pieces kept live too', () => new PackedPieces({ live: true })],
])('parseMarkdown with a piece cache of %s', (_, make) => {
  it('gives the tree of a whole parse after every edit, reusing pieces', () => {
    let reused = 0;
    fc.assert(
      fc.property(edits, ({ lines, edits: changes }) => {
        const cache = counted(make());
        const current = [...lines];
        const check = () => {
          const text = current.join('\n');
          const tree = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
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
        reused += cache.hits;
      }),
      { numRuns: 300 },
    );
    // The cache must be used, not just be harmless.
    expect(reused).toBeGreaterThan(100);
  }, 120_000);
});

describe('livePieces', () => {
  it('hands out the very nodes it was given, once', () => {
    const cache = livePieces();
    const text = '# A\n\n- a\n\n# B\n\n- b\n';
    const first = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
    const again = parseMarkdown(`${text}\n# C\n`, { chunkAbove: 0, pieceSize: 1, cache });
    expect(again.children.slice(0, 2)).toEqual(first.children.slice(0, 2));
    expect(again.children[0]).toBe(first.children[0]);
    expect(cache.take('unknown')).toBeUndefined();
  });
});

describe('PackedPieces', () => {
  it('keeps pieces outside the heap, and the last nodes while live', () => {
    const cache = new PackedPieces();
    const text = '# A\n\n- a\n\n# B\n\n- b\n';
    const first = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
    expect(cache.bytes).toBeGreaterThan(0);
    const packed = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
    expect(packed).toEqual(first);
    expect(packed.children[0]).not.toBe(first.children[0]);
    cache.live = true;
    const unpacked = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
    const live = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache });
    expect(live.children[0]).toBe(unpacked.children[0]);
    cache.live = false;
    expect(parseMarkdown(text, { chunkAbove: 0, pieceSize: 1, cache }).children[0]).not.toBe(
      live.children[0],
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findMatches, makeSnippet, splitByRanges } from './search-snippet';

function show(text: string, terms: string[]): string {
  return splitByRanges(text, findMatches(text, terms))
    .map((piece) => (piece.match ? `[${piece.text}]` : piece.text))
    .join('');
}

describe('findMatches', () => {
  it('marks a CJK phrase anywhere inside a sentence', () => {
    expect(show('這時候生成一個全局唯一的 trace id', ['全局唯一'])).toBe(
      '這時候生成一個[全局唯一]的 trace id',
    );
  });

  it('marks whole words only, ignoring case', () => {
    expect(show('Goroutine: start goroutine, goroutines and goroutine2', ['goroutine'])).toBe(
      '[Goroutine]: start [goroutine], goroutines and goroutine2',
    );
  });

  it('maps matches in normalized text back to the original characters', () => {
    expect(show('ＧＣ吞吐量 and Café', ['gc', 'cafe'])).toBe('[ＧＣ]吞吐量 and [Café]');
    expect(show('emoji 😀 then sync.Pool', ['pool', 'sync'])).toBe('emoji 😀 then [sync].[Pool]');
    // Decomposed accent and a ligature: the folded text is shorter than the original.
    expect(show('Cafe\u0301 and ﬁle', ['cafe', 'file'])).toBe('[Cafe\u0301] and [ﬁle]');
  });

  it('merges overlapping matches and ignores empty terms', () => {
    expect(show('全局唯一', ['全局', '局唯', '唯一', ''])).toBe('[全局唯一]');
    expect(findMatches('anything', [])).toEqual([]);
    expect(findMatches('', ['x'])).toEqual([]);
  });
});

describe('makeSnippet', () => {
  const long = `${'前面的內容很長。'.repeat(20)}\n要想辦法減少內存分配壓力\n${'後面'.repeat(100)}`;

  it('starts at the line of the first match and cuts the rest', () => {
    const snippet = makeSnippet(long, ['內存分配'], { length: 30, lead: 20 });
    expect(snippet.before).toBe(true);
    expect(snippet.after).toBe(true);
    expect(snippet.pieces).toEqual([
      { text: '要想辦法減少', match: false },
      { text: '內存分配', match: true },
      { text: `壓力\n${'後面'.repeat(8)}後`, match: false },
    ]);
  });

  it('shows the start of the text when nothing matches', () => {
    const snippet = makeSnippet('short text', ['absent']);
    expect(snippet).toEqual({
      pieces: [{ text: 'short text', match: false }],
      before: false,
      after: false,
    });
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'😀'.repeat(50)} target ${'😀'.repeat(50)}`;
    const snippet = makeSnippet(text, ['target'], { length: 21, lead: 11 });
    const shown = snippet.pieces.map((piece) => piece.text).join('');
    expect(shown).toContain('target');
    expect(shown).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});

/**
 * Where a search hit's terms are in a text, and the short excerpt to show around the first one.
 * Pure: returns plain ranges and pieces; the UI turns them into elements (never HTML strings).
 */
import { foldWord, isNgramChar, normalizeText } from './tokenize';

/** A half-open range `[start, end)` of UTF-16 offsets in the original text. */
export type Range = [number, number];

/** A piece of an excerpt: text, and whether it is a match to highlight. */
export interface SnippetPiece {
  text: string;
  match: boolean;
}

/**
 * The text searched the way the index saw it (normalized, accents folded off words), with, for
 * each of its UTF-16 units, the range of the original text it came from.
 */
interface Folded {
  text: string;
  /** Null when offsets are the same in both texts. */
  from: number[] | null;
  to: number[] | null;
}

/** Folded form of each character seen so far: texts repeat characters, folding each is slow. */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let piece = foldedChars.get(char);
  if (piece === undefined) {
    const normalized = normalizeText(char);
    piece = isNgramChar(normalized) ? normalized : foldWord(normalized);
    if (foldedChars.size < 20_000) foldedChars.set(char, piece);
  }
  return piece;
}

/**
 * Characters that normalize and fold into exactly one UTF-16 unit each (ASCII, CJK ideographs,
 * kana, Hangul syllables, CJK and full-width punctuation, dashes and quotes): a text made of them
 * keeps every offset, the usual case, and is folded without a per-character map.
 */
const SAME_OFFSETS =
  /^[\t\n\r\u0020-\u007F\u2010-\u2023\u3000-\u3037\u3041-\u3096\u30A1-\u30FA\u30FC-\u30FE\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF5E]*$/;

function fold(text: string): Folded {
  if (SAME_OFFSETS.test(text)) return { text: normalizeText(text), from: null, to: null };
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldChar(char);
    // A dropped character (an accent) belongs to the letter before it.
    if (piece === '' && to.length > 0) to[to.length - 1] = offset + char.length;
    for (let i = 0; i < piece.length; i += 1) {
      from.push(offset);
      to.push(offset + char.length);
    }
    folded += piece;
    offset += char.length;
  }
  return { text: folded, from, to };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when the character at `index` continues a word (a letter/digit outside the n-gram scripts). */
function isWordAt(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && WORD_CHAR.test(char) && !isNgramChar(char);
}

/**
 * Returns the ranges of the original text where any of the terms occurs, sorted, merged where
 * they overlap. Word terms (`goroutine`) only match whole words; n-gram terms (`全局唯一`) match
 * anywhere. Matching ignores case, compatibility forms and accents, as the index does.
 */
export function findMatches(text: string, terms: readonly string[]): Range[] {
  const needles = [...new Set(terms.map(normalizeText).filter(Boolean))];
  if (needles.length === 0 || !text) return [];
  // The mark of a cut text (`…`) is never part of a match; leaving it out keeps the fast path.
  const folded = fold(text.endsWith('…') ? text.slice(0, -1) : text);
  const found: Range[] = [];
  for (const needle of needles) {
    const wholeWord = !isNgramChar(needle.slice(0, 1));
    let at = folded.text.indexOf(needle);
    while (at !== -1) {
      const end = at + needle.length;
      if (!wholeWord || (!isWordAt(folded.text, at - 1) && !isWordAt(folded.text, end))) {
        found.push(folded.from && folded.to ? [folded.from[at], folded.to[end - 1]] : [at, end]);
      }
      at = folded.text.indexOf(needle, at + 1);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Returns the text cut into pieces, the ranges marked as matches. */
export function splitByRanges(text: string, ranges: readonly Range[]): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}

export interface Snippet {
  pieces: SnippetPiece[];
  /** Text was left out before / after the excerpt. */
  before: boolean;
  after: boolean;
}

/**
 * Returns an excerpt of about `length` characters that starts a little before the first match
 * (or the start of the text when nothing matches), with the matches marked.
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  { length = 160, lead = 40 }: { length?: number; lead?: number } = {},
): Snippet {
  const ranges = findMatches(text, terms);
  const first = ranges.length > 0 ? ranges[0][0] : 0;
  let start = Math.max(0, first - lead);
  if (start > 0) {
    // Start at the beginning of the match's line (list item) when near, else at a word start.
    const lineStart = text.lastIndexOf('\n', first - 1) + 1;
    const space = text.indexOf(' ', start - 1) + 1;
    if (lineStart >= start) start = lineStart;
    else if (space > 0 && space <= first) start = space;
    else if (/[\uDC00-\uDFFF]/.test(text[start])) start -= 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end += 1;
  const inside: Range[] = ranges
    .filter(([from, to]) => to > start && from < end)
    .map(([from, to]) => [Math.max(from, start) - start, Math.min(to, end) - start]);
  return {
    pieces: splitByRanges(text.slice(start, end), inside),
    before: start > 0,
    after: end < text.length,
  };
}

/**
 * Search tokenizer shared by the compiler (indexing, build time) and the app (queries).
 * Pure: no DOM, no Node APIs, no `Intl.Segmenter` (results must not depend on the ICU data
 * of whichever runtime builds or queries the index).
 *
 * Scripts written without spaces between words (Chinese, Japanese, Korean, Thai, …) are cut
 * into overlapping character bigrams, so any substring of a sentence is findable — a
 * dictionary segmenter only finds the words it happens to cut (`數據` is not found inside
 * `大數據` when the segmenter keeps `大數據` whole). Other text is split into words.
 */

import { CustomConverter } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/**
 * OpenCC's table of Traditional → Simplified characters, kept where one character becomes one
 * (same UTF-16 length): `分佈式` and `分布式`, `數據庫` and `数据库` fold to one form, and a
 * folded text keeps the offsets of the text as written, so a hit highlights the right span.
 * Phrase tables (`軟體` → `软件`) change lengths and words, not script: left out.
 */
const foldHan = CustomConverter(
  TSCharacters.split('|').flatMap((entry) => {
    const [from, to] = entry.split(' ');
    return from && to && from.length === to.length ? [[from, to] as [string, string]] : [];
  }),
);

/** Scripts written without spaces between words (Hangul too: particles attach to words). */
const NGRAM_SCRIPTS = [
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
  'Yi',
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
]
  .map((script) => `\\p{scx=${script}}`)
  .join('');

/** A letter, digit or mark of an n-gram script (the script extensions also cover `ー` and `々`). */
const NGRAM_CLASS = `(?=[\\p{L}\\p{N}\\p{M}])[${NGRAM_SCRIPTS}]`;
const NGRAM_CHAR = new RegExp(NGRAM_CLASS, 'u');

/**
 * One token: a run of n-gram-script characters, or a word of other letters/digits. Punctuation,
 * spaces and symbols separate tokens (`sync.Pool` → `sync`, `pool`).
 */
const TOKEN = new RegExp(
  `(?:${NGRAM_CLASS})+|(?:(?![${NGRAM_SCRIPTS}])[\\p{L}\\p{N}\\p{M}])+`,
  'gu',
);

const MARKS = /\p{M}/gu;

export type Token = { kind: 'word'; text: string } | { kind: 'ngram'; text: string };

/** Returns whether a single character belongs to a script indexed as n-grams. */
export function isNgramChar(char: string): boolean {
  return NGRAM_CHAR.test(char);
}

/**
 * Returns the text with compatibility forms unified (full-width `ＧＣ` → `gc`, half-width kana →
 * full-width), lower-cased, and Traditional Chinese characters folded to Simplified (`數據` →
 * `数据`), character for character. Does not touch accents, so CJK (Hangul, kana with dakuten)
 * survives.
 */
export function normalizeText(text: string): string {
  return foldHan(text.normalize('NFKC').toLowerCase());
}

/** Returns a word with accents removed (`café` → `cafe`); only for non-n-gram words. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** Returns the tokens of a text, in order: normalized words and n-gram-script runs. */
export function splitTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalizeText(text).matchAll(TOKEN)) {
    const value = match[0];
    if (NGRAM_CHAR.test(value)) {
      tokens.push({ kind: 'ngram', text: value });
    } else {
      const word = foldWord(value);
      if (word) tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}

/** Returns the overlapping character bigrams of a run (`全局唯一` → `全局 局唯 唯一`); a lone character as is. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i += 1) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/**
 * Returns the index terms of a run: its bigrams plus its last character alone. With that last
 * unigram every character of the run starts some term, so a one-character query found by prefix
 * search has full recall without indexing every unigram.
 */
export function runTerms(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const terms = bigrams(run);
  terms.push(chars[chars.length - 1]);
  return terms;
}

/** Index-time tokenizer (MiniSearch `tokenize`): returns the terms of a field, already normalized. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const token of splitTokens(text)) {
    if (token.kind === 'word') terms.push(token.text);
    else for (const term of runTerms(token.text)) terms.push(term);
  }
  return terms;
}

/**
 * Returns the words one adjacent transposition away (`goroutien` → …, `goroutine`, …). MiniSearch's
 * fuzzy search counts a swap as two edits; these variants make a swapped pair one typo.
 */
export function transpositions(word: string): string[] {
  const chars = Array.from(word);
  const variants = new Set<string>();
  for (let i = 0; i < chars.length - 1; i += 1) {
    if (chars[i] === chars[i + 1]) continue;
    const swapped = chars.slice();
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    variants.add(swapped.join(''));
  }
  return [...variants];
}

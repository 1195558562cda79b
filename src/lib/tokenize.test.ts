import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, runTerms, splitTokens, tokenize, transpositions } from './tokenize';

describe('tokenize: words', () => {
  it('lower-cases words and splits on anything that is not a letter or digit', () => {
    expect(tokenize('Start goroutine is EASY, and cheap!')).toEqual([
      'start',
      'goroutine',
      'is',
      'easy',
      'and',
      'cheap',
    ]);
  });

  it('keeps both halves of dotted, slashed and plussed names findable', () => {
    expect(tokenize('sync.Pool gogo/protobuf traceid+key Go1.8')).toEqual([
      'sync',
      'pool',
      'gogo',
      'protobuf',
      'traceid',
      'key',
      'go1',
      '8',
    ]);
  });

  it('folds full-width forms and accents the way a reader types them', () => {
    expect(tokenize('ＧＣ café Ｇｏ１２')).toEqual(['gc', 'cafe', 'go12']);
  });

  it('returns nothing for blank or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' -- ** () 、。 ')).toEqual([]);
  });
});

describe('tokenize: CJK and other unspaced scripts', () => {
  it('cuts a Chinese run into overlapping bigrams plus its last character', () => {
    expect(tokenize('全局唯一')).toEqual(['全局', '局唯', '唯一', '一']);
    // Traditional characters are folded to Simplified, one for one.
    expect(tokenize('壓縮')).toEqual(['压缩', '缩']);
    expect(tokenize('压缩')).toEqual(tokenize('壓縮'));
    expect(tokenize('堆')).toEqual(['堆']);
  });

  it('separates CJK runs from words, digits and punctuation', () => {
    expect(splitTokens('這時候生成一個全局唯一的 trace id，並加入 header 中')).toEqual([
      { kind: 'ngram', text: '这时候生成一个全局唯一的' },
      { kind: 'word', text: 'trace' },
      { kind: 'word', text: 'id' },
      { kind: 'ngram', text: '并加入' },
      { kind: 'word', text: 'header' },
      { kind: 'ngram', text: '中' },
    ]);
    expect(splitTokens('每天 2000億數據灌入')).toEqual([
      { kind: 'ngram', text: '每天' },
      { kind: 'word', text: '2000' },
      { kind: 'ngram', text: '亿数据灌入' },
    ]);
  });

  it('handles Japanese (kana with the long-vowel mark, half-width kana) and Korean', () => {
    expect(splitTokens('ゴルーチンを使う')).toEqual([{ kind: 'ngram', text: 'ゴルーチンを使う' }]);
    expect(splitTokens('ｺﾞﾙｰﾁﾝ')).toEqual([{ kind: 'ngram', text: 'ゴルーチン' }]);
    expect(tokenize('서버에서')).toEqual(['서버', '버에', '에서', '서']);
  });

  it('finds every substring of a run: its bigrams are all index terms (recall)', () => {
    const cjk = fc.constantFrom(...Array.from('數據流動的效率問題全局唯一壓縮ゴルーチン서버에서'));
    fc.assert(
      fc.property(
        fc.array(cjk, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (chars, a, b) => {
          const run = chars.join('');
          const start = a % chars.length;
          const end = start + 1 + (b % (chars.length - start));
          const query = chars.slice(start, end).join('');
          const terms = new Set(runTerms(run));
          const grams = bigrams(query);
          if (grams.length === 1 && grams[0] === query) {
            // One character: some term starts with it (prefix search finds it).
            return [...terms].some((term) => term.startsWith(query));
          }
          return grams.every((gram) => terms.has(gram));
        },
      ),
    );
  });
});

describe('transpositions', () => {
  it('swaps each adjacent pair once, skipping equal letters', () => {
    expect(transpositions('goroutien')).toContain('goroutine');
    expect(transpositions('abc')).toEqual(['bac', 'acb']);
    expect(transpositions('aab')).toEqual(['aba']);
    expect(transpositions('a')).toEqual([]);
  });
});

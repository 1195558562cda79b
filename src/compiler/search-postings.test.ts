import fc from 'fast-check';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SearchChunk } from './contract.ts';
import { compileSource } from './compile.ts';
import { emitData } from './emit.ts';
import { searchDocuments } from './search-index.ts';
import { SearchPostings, type IndexedTerms } from './search-postings.ts';
import { shardSearchIndex } from './search-shards.ts';
import { SEARCH_OPTIONS, type SearchDocument } from '../lib/search-options.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The reference: MiniSearch's own index of the documents, serialized (`toJSON`) and put in the
 * shape `shardSearchIndex` takes, as the compiler did before it built the postings itself.
 */
function miniSearchIndex(documents: readonly SearchDocument[]): IndexedTerms {
  const miniSearch = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  miniSearch.addAll(documents);
  const json: AsPlainObject = miniSearch.toJSON();
  const fieldLength: number[] = [];
  for (let id = 0; id < json.documentCount; id += 1) fieldLength.push(...json.fieldLength[id]!);
  const entries: SearchChunk = json.index.map(([term, fields]) => [
    term,
    Object.fromEntries(
      Object.entries(fields).map(([fieldId, documents]) => {
        const flat: number[] = [];
        let previous = 0;
        const ids = Object.keys(documents)
          .map(Number)
          .sort((a, b) => a - b);
        for (const id of ids) {
          flat.push(id - previous, documents[id]!);
          previous = id;
        }
        return [fieldId, flat];
      }),
    ),
  ]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    documentCount: json.documentCount,
    fieldIds: json.fieldIds,
    averageFieldLength: json.averageFieldLength,
    fieldLength,
    entries,
  };
}

function ownIndex(documents: readonly SearchDocument[]): IndexedTerms {
  const postings = new SearchPostings();
  postings.addAll(documents);
  return postings.indexed();
}

/** Text mixing the scripts and forms the tokenizer treats apart, repeated words included. */
const text = fc
  .array(
    fc.constantFrom(
      'go',
      'Go',
      'goroutine',
      'café',
      'ＧＣ',
      '全局唯一',
      '分佈式',
      '分布式',
      '數據庫',
      'ﾃｽﾄ',
      'テスト',
      '한국어',
      'ภาษาไทย',
      'sync.Pool',
      '42',
      '',
      ' ',
      '\n',
      '，',
      'TODO',
    ),
    { maxLength: 30 },
  )
  .map((words) => words.join(' '));

describe('SearchPostings', () => {
  it('gives the index MiniSearch gives, term for term and number for number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ talkTitle: text, heading: text, body: text }), { maxLength: 20 }),
        (fields) => {
          const documents = fields.map((document, id) => ({ id, ...document }));
          expect(ownIndex(documents)).toEqual(miniSearchIndex(documents));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same search files as MiniSearch for the shipped notes', () => {
    const file = 'notes/gopherchina-2017.md';
    const compiled = compileSource(file, readFileSync(path.join(root, file), 'utf8'));
    const talks = emitData([compiled]).talks;
    const { documents, counts } = searchDocuments(talks.map((talk) => talk.document));
    const paths = talks.map((talk) => talk.path);
    expect(shardSearchIndex(ownIndex(documents), counts, paths, 2_000)).toEqual(
      shardSearchIndex(miniSearchIndex(documents), counts, paths, 2_000),
    );
  });

  it('refuses documents out of order', () => {
    const postings = new SearchPostings();
    expect(() => postings.add({ id: 1, talkTitle: 'a', heading: '', body: '' })).toThrow(
      /numbered in order/,
    );
  });
});

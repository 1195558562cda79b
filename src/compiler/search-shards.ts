import { createHash } from 'node:crypto';
import type { SearchChunk, SearchManifest } from './contract.ts';
import type { DataFile } from './emit.ts';
import type { IndexedTerms } from './search-postings.ts';

/** About this many characters of JSON per chunk: a few KiB gzip, so a search fetches little. */
const CHUNK_CHARS = 24_000;

/** Returns the entries' JSON cut into arrays of about `chunkChars` characters each, in order. */
function cutChunks(entries: SearchChunk, chunkChars: number): { first: string; json: string }[] {
  const chunks: { first: string; json: string }[] = [];
  let items: string[] = [];
  let first = '';
  let size = 0;
  const close = () => chunks.push({ first, json: `[${items.join(',')}]` });
  for (const entry of entries) {
    const json = JSON.stringify(entry);
    if (items.length > 0 && size + json.length + 1 > chunkChars) {
      close();
      items = [];
      size = 0;
    }
    if (items.length === 0) first = entry[0];
    items.push(json);
    size += json.length + 1;
  }
  if (items.length > 0 || chunks.length === 0) close();
  return chunks;
}

/**
 * Returns the files of a search index (`SearchManifest` and its term chunks) made from its terms
 * and scoring data (`SearchPostings`, documents numbered 0, 1, …) and the number of documents of
 * each talk, and the manifest's path (`searchFile`). The files are in a folder named by their
 * content hash and the talks' data files (the app lists results with those: a new talk file is a
 * new search folder), so they can be cached for ever. Does not mutate.
 */
export function shardSearchIndex(
  index: IndexedTerms,
  sections: readonly number[],
  talkFiles: readonly string[],
  chunkChars = CHUNK_CHARS,
): { searchFile: string; files: DataFile[] } {
  const chunks = cutChunks(index.entries, chunkChars);
  const manifest: SearchManifest = {
    version: 1,
    documentCount: index.documentCount,
    terms: index.entries.length,
    fieldIds: index.fieldIds,
    averageFieldLength: index.averageFieldLength,
    fieldLength: index.fieldLength,
    sections: [...sections],
    chunks: chunks.map((chunk) => chunk.first),
  };
  const contents = [`${JSON.stringify(manifest)}\n`, ...chunks.map((chunk) => `${chunk.json}\n`)];
  const hash = createHash('sha256').update(talkFiles.join('\n'));
  for (const content of contents) hash.update(content);
  const folder = `search/${hash.digest('hex').slice(0, 8)}`;
  const files = contents.map((content, i) => ({
    path: i === 0 ? `${folder}/index.json` : `${folder}/${i - 1}.json`,
    content,
  }));
  return { searchFile: files[0].path, files };
}

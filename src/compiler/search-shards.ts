import { createHash } from 'node:crypto';
import type { AsPlainObject } from 'minisearch';
import type { SearchChunk, SearchManifest } from './contract.ts';
import type { DataFile } from './emit.ts';

/** About this many characters of JSON per chunk: a few KiB gzip, so a search fetches little. */
const CHUNK_CHARS = 24_000;

type Entry = AsPlainObject['index'][number];

/** Returns an entry as a chunk holds it (see `SearchChunk`): each field's documents in order, as differences. */
function compact([term, fields]: Entry): SearchChunk[number] {
  const postings: Record<string, number[]> = {};
  for (const [fieldId, documents] of Object.entries(fields)) {
    const flat: number[] = [];
    let previous = 0;
    const ids = Object.keys(documents)
      .map(Number)
      .sort((a, b) => a - b);
    for (const id of ids) {
      flat.push(id - previous, documents[id]);
      previous = id;
    }
    postings[fieldId] = flat;
  }
  return [term, postings];
}

/** Returns the entries' JSON cut into arrays of about `chunkChars` characters each, in order. */
function cutChunks(
  entries: readonly Entry[],
  chunkChars: number,
): { first: string; json: string }[] {
  const chunks: { first: string; json: string }[] = [];
  let items: string[] = [];
  let first = '';
  let size = 0;
  const close = () => chunks.push({ first, json: `[${items.join(',')}]` });
  for (const entry of entries) {
    const json = JSON.stringify(compact(entry));
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
 * Returns the files of a search index (`SearchManifest` and its term chunks) made from MiniSearch's
 * serialized index (`miniSearch.toJSON()`, no stored fields, documents numbered 0, 1, … as added)
 * and the number of documents of each talk, and the manifest's path (`searchFile`). The files are
 * in a folder named by their content hash and the talks' data files (the app lists results with
 * those: a new talk file is a new search folder), so they can be cached for ever. Does not mutate.
 */
export function shardSearchIndex(
  index: AsPlainObject,
  sections: readonly number[],
  talkFiles: readonly string[],
  chunkChars = CHUNK_CHARS,
): { searchFile: string; files: DataFile[] } {
  const fields = Object.keys(index.fieldIds).length;
  const fieldLength: number[] = [];
  for (let id = 0; id < index.documentCount; id += 1) {
    const lengths = index.fieldLength[id];
    if (index.documentIds[id] !== id || !lengths || lengths.length !== fields) {
      throw new Error(
        `Unexpected search document \`${String(index.documentIds[id])}\` at ${id}, expected documents numbered in order`,
      );
    }
    fieldLength.push(...lengths);
  }
  // UTF-16 order, the order the app's binary search over `chunks` compares in.
  const entries = [...index.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks = cutChunks(entries, chunkChars);
  const manifest: SearchManifest = {
    version: 1,
    documentCount: index.documentCount,
    terms: entries.length,
    fieldIds: index.fieldIds,
    averageFieldLength: index.averageFieldLength,
    fieldLength,
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

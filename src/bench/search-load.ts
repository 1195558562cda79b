/**
 * The search index as the app's search worker loads it (the manifest, then the chunks and talk
 * files each search needs), read from files at hand instead of fetched, counting what it reads:
 * the benchmark's view of a search's downloads and latency.
 */
import { gzipSync } from 'node:zlib';
import type { NotesIndex, ReaderTalk, SearchManifest } from '../compiler/contract.ts';
import type { HitTalk } from '../lib/search-options.ts';
import type { SearchSource } from '../lib/search-run.ts';
import { indexTalks } from '../lib/search-source.ts';
import { expandTree } from '../lib/expand-tree.ts';
import { sectionTexts, type SectionText } from '../lib/search-text.ts';
import { ShardedIndex, shardedSource, type ChunkEntries } from '../lib/sharded-index.ts';

/** Files read and their bytes, raw and each gzipped on its own (what a server would send). */
export interface ReadBytes {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface LoadedSearch {
  source: SearchSource;
  manifest: SearchManifest;
  /** What has been read so far, the manifest included. */
  read: ReadBytes;
}

/**
 * Returns the search of `index` (a notes index, or its search file and talks) over data files read with `readFile` (a data-folder-relative name
 * to its text); each file is read once, as the worker fetches it once. `talkSections`, when given,
 * replaces reading a talk's text from its data file; `gzip: false` counts raw bytes only.
 */
export function loadSearch(
  index: Pick<NotesIndex, 'searchFile'> & { talks?: (HitTalk & { dataFile: string })[] },
  readFile: (file: string) => string,
  talkSections?: (talk: number) => SectionText[],
  { gzip = true }: { gzip?: boolean } = {},
): LoadedSearch {
  const searchFile = index.searchFile;
  if (!searchFile) throw new Error('Unexpected index without `searchFile`, expected one');
  const read: ReadBytes = { files: 0, rawBytes: 0, gzipBytes: 0 };
  const json = (file: string): unknown => {
    const text = readFile(file);
    read.files += 1;
    read.rawBytes += Buffer.byteLength(text);
    // Gzipping costs more than the search itself: off while timing.
    if (gzip) read.gzipBytes += gzipSync(text).length;
    return JSON.parse(text);
  };
  const manifest = json(searchFile) as SearchManifest;
  const folder = searchFile.slice(0, searchFile.lastIndexOf('/') + 1);
  const sharded = new ShardedIndex(manifest, (chunk) =>
    Promise.resolve(json(`${folder}${chunk}.json`) as ChunkEntries),
  );
  const talks = index.talks ?? indexTalks(index as NotesIndex);
  const sectionsOf = (talk: number): Promise<SectionText[]> => {
    if (talkSections) return Promise.resolve(talkSections(talk));
    const document = json(talks[talk].dataFile) as ReaderTalk;
    return Promise.resolve(sectionTexts(expandTree(document.tree).children, document.outline));
  };
  return { source: shardedSource(sharded, talks, sectionsOf), manifest, read };
}

/**
 * A MiniSearch index loaded a chunk at a time (see `SearchManifest`): the manifest gives the
 * scoring data, and each query fetches only the chunks of the terms it can match. Pure apart from
 * the `fetchChunk` it is given.
 */
import MiniSearch from 'minisearch';
import type { SearchChunk, SearchManifest } from '../compiler/contract';
import {
  queryTermSpans,
  SEARCH_OPTIONS,
  type HitTalk,
  type SearchDocument,
  type TermSpan,
} from './search-options';
import type { SearchSource } from './search-run';
import { documentPlaces } from './search-source';
import { lastAtOrBefore } from './last-at-or-before.ts';
import type { SectionText } from './search-text';

/** A chunk's entries (see `SearchChunk`). */
export type ChunkEntries = SearchChunk;

/**
 * MiniSearch's private maps, which `loadJS` fills from objects at once: terms arrive here a chunk at
 * a time, and the documents' maps are filled from the manifest's arrays without making an object
 * of each first (which took most of a load). minisearch is pinned to the version this was read from.
 */
interface Internals {
  _index: { set: (term: string, fields: Map<number, Map<number, number>>) => void };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
}

/** Returns the chunks a span of terms lies in (a prefix can run over several). */
export function chunksOf(chunks: readonly string[], spans: readonly TermSpan[]): number[] {
  const wanted = new Set<number>();
  for (const { term, prefix } of spans) {
    const last = lastAtOrBefore(chunks, prefix ? `${term}\uffff` : term);
    for (let i = lastAtOrBefore(chunks, term); i <= last; i += 1) wanted.add(i);
  }
  return [...wanted].sort((a, b) => a - b);
}

export class ShardedIndex {
  readonly miniSearch: MiniSearch<SearchDocument>;
  readonly manifest: SearchManifest;
  private readonly fetchChunk: (chunk: number) => Promise<ChunkEntries>;
  private readonly loaded = new Map<number, Promise<void>>();

  constructor(manifest: SearchManifest, fetchChunk: (chunk: number) => Promise<ChunkEntries>) {
    this.manifest = manifest;
    this.fetchChunk = fetchChunk;
    this.miniSearch = MiniSearch.loadJS<SearchDocument>(
      {
        documentCount: manifest.documentCount,
        nextId: manifest.documentCount,
        documentIds: {},
        fieldIds: manifest.fieldIds,
        fieldLength: {},
        averageFieldLength: manifest.averageFieldLength,
        storedFields: {},
        dirtCount: 0,
        index: [],
        serializationVersion: 2,
      },
      SEARCH_OPTIONS,
    );
    const internals = this.miniSearch as unknown as Internals;
    const fields = Object.keys(manifest.fieldIds).length;
    for (let id = 0; id < manifest.documentCount; id += 1) {
      internals._documentIds.set(id, id);
      internals._idToShortId.set(id, id);
      internals._fieldLength.set(id, manifest.fieldLength.slice(id * fields, (id + 1) * fields));
    }
  }

  /** Loads the chunks of the spans not loaded yet (each once); rejects when one cannot be fetched. */
  async load(spans: readonly TermSpan[]): Promise<void> {
    const chunks = chunksOf(this.manifest.chunks, spans);
    await Promise.all(chunks.map((chunk) => this.loadChunk(chunk)));
  }

  private loadChunk(chunk: number): Promise<void> {
    let loading = this.loaded.get(chunk);
    if (!loading) {
      loading = this.fetchChunk(chunk).then((entries) => this.add(entries));
      // A failed fetch (offline) is tried again by the next search.
      loading.catch(() => this.loaded.delete(chunk));
      this.loaded.set(chunk, loading);
    }
    return loading;
  }

  /** Adds terms as `MiniSearch.loadJS` would. */
  private add(entries: ChunkEntries): void {
    const index = (this.miniSearch as unknown as Internals)._index;
    for (const [term, data] of entries) {
      const fields = new Map<number, Map<number, number>>();
      for (const [fieldId, postings] of Object.entries(data)) {
        const frequencies = new Map<number, number>();
        let id = 0;
        for (let i = 0; i + 1 < postings.length; i += 2) {
          id += postings[i];
          frequencies.set(id, postings[i + 1]);
        }
        fields.set(Number(fieldId), frequencies);
      }
      index.set(term, fields);
    }
  }
}

/** Talks whose sections are kept in memory; older ones are read again (from the HTTP cache). */
const KEPT_TALKS = 500;

/**
 * Returns a search source over a sharded index: each search loads the chunks it needs, and reads
 * the sections of the talks it lists with `talkSections` (null when not at hand: offline), each
 * talk once while it is among the last `KEPT_TALKS` read. `talks` are in the notes index's order.
 */
export function shardedSource(
  index: ShardedIndex,
  talks: readonly HitTalk[],
  talkSections: (talk: number) => Promise<SectionText[] | null>,
): SearchSource {
  const place = documentPlaces(index.manifest.sections);
  const kept = new Map<number, Promise<SectionText[] | null>>();
  const sectionsOf = (talk: number) => {
    let sections = kept.get(talk);
    if (!sections) {
      sections = talkSections(talk).catch(() => null);
      if (kept.size === KEPT_TALKS) kept.delete(kept.keys().next().value!);
      kept.set(talk, sections);
    }
    return sections;
  };
  return {
    prepare: (parts, mode) => index.load(queryTermSpans(parts, mode)),
    search: (query) => index.miniSearch.search(query),
    talkOf: (id) => talks[place(id).talk],
    sections: (ids) =>
      Promise.all(
        ids.map(async (id) => {
          const { talk, section } = place(id);
          return (await sectionsOf(talk))?.[section] ?? null;
        }),
      ),
  };
}

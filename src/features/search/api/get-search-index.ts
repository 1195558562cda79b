import { queryOptions, skipToken } from '@tanstack/react-query';
import type { NotesIndex } from '../../../compiler/contract';
import type { RunControl, RunOptions, SearchRun } from '../../../lib/search-run';

/** A search index opened in the search worker, ready to answer typed text. */
export interface SearchEngine {
  /** Number of indexed sections. */
  documentCount: number;
  /**
   * `signal`: aborted when the hits are no longer wanted (the worker then stops that search);
   * `first`: the hits the reader sees at once, reported before the others' text is read.
   */
  search: (raw: string, options?: RunOptions, control?: RunControl) => Promise<SearchRun>;
}

/**
 * Starts the search worker on the index's search files (see `openSearchEngine`, loaded on first
 * use with the worker's start-up code, so none of it is in the first page's bundle).
 */
export async function getSearchIndex(
  index: NotesIndex & { searchFile: string },
): Promise<SearchEngine> {
  const { openSearchEngine } = await import('./open-search-engine');
  return openSearchEngine(index);
}

/** The search index named by `NotesIndex.searchFile`; nothing is loaded while it is null. */
export function searchIndexQueryOptions(index: NotesIndex) {
  const { searchFile } = index;
  // The search file's name hashes the talks' data files too: the part of `index` the worker reads.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['search', searchFile],
    queryFn: searchFile ? () => getSearchIndex({ ...index, searchFile }) : skipToken,
    // The files are content-hashed: an opened index never goes stale; keep it for the session.
    staleTime: Infinity,
    gcTime: Infinity,
    // An object with functions: nothing to share structurally with a previous value.
    structuralSharing: false,
  });
}

/** The hits for typed text (kept while the next keystroke's are on their way). */
export function searchRunQueryOptions(
  engine: SearchEngine | undefined,
  searchFile: string | null,
  raw: string,
  options: Required<RunOptions>,
) {
  return queryOptions({
    queryKey: ['search', searchFile, 'run', raw, options],
    // The signal lets TanStack Query cancel a search the next keystroke replaced (it reverts to
    // no data), so the worker does not read talk files for results no one will see.
    queryFn:
      engine && raw.trim() ? ({ signal }) => engine.search(raw, options, { signal }) : skipToken,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

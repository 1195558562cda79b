import { queryOptions, skipToken } from '@tanstack/react-query';
import type { AsPlainObject } from 'minisearch';
import { paths } from '../../../config/paths';
import { fetchJson } from '../../../lib/data-error';
import type { RunOptions, SearchRun } from '../../../lib/search-run';

/** A loaded search index, ready to answer typed text. */
export interface SearchEngine {
  /** Number of indexed sections. */
  documentCount: number;
  search: (raw: string, options?: RunOptions) => SearchRun;
}

/** Above this many terms the index is loaded in batches, so typing stays responsive meanwhile. */
const ASYNC_LOAD_TERMS = 10_000;

function checkSearchIndex(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `Unexpected \`${Array.isArray(value) ? 'array' : typeof value}\`, expected a search index object`;
  }
  const { serializationVersion, index } = value as Partial<AsPlainObject>;
  if (serializationVersion !== 2 || !Array.isArray(index)) {
    return `Unexpected search index format \`${String(serializationVersion)}\`, expected MiniSearch format 2 (run \`npm run data\`)`;
  }
  return null;
}

/**
 * Fetches the search index and loads it into MiniSearch. MiniSearch, the tokenizer and the search
 * code are imported here, on first use, so none of them is in the first page's bundle.
 */
export async function getSearchIndex(file: string, signal?: AbortSignal): Promise<SearchEngine> {
  const [{ default: MiniSearch }, { SEARCH_OPTIONS }, { runSearch }, data] = await Promise.all([
    import('minisearch'),
    import('../../../lib/search-options'),
    import('../../../lib/search-run'),
    fetchJson<AsPlainObject>(paths.data.file(file), checkSearchIndex, signal),
  ]);
  // `loadJSON` is `JSON.parse` + `loadJS`; fetchJson has parsed (and checked) the text already.
  const miniSearch =
    data.index.length > ASYNC_LOAD_TERMS
      ? await MiniSearch.loadJSAsync(data, SEARCH_OPTIONS)
      : MiniSearch.loadJS(data, SEARCH_OPTIONS);
  return {
    documentCount: miniSearch.documentCount,
    search: (raw, options) => runSearch(miniSearch, raw, options),
  };
}

/** The search index named by `NotesIndex.searchFile`; nothing is fetched while it is null. */
export function searchIndexQueryOptions(file: string | null) {
  return queryOptions({
    queryKey: ['search', file],
    queryFn: file ? ({ signal }) => getSearchIndex(file, signal) : skipToken,
    // The file name is content-hashed: a loaded index never goes stale; keep it for the session.
    staleTime: Infinity,
    gcTime: Infinity,
    // An object with functions: nothing to share structurally with a previous value.
    structuralSharing: false,
  });
}

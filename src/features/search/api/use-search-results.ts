import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SearchRun } from '../../../lib/search-run';
import { searchRunQueryOptions, type SearchEngine } from './get-search-index';

/** Hits listed per page: a page more each time the reader asks for more. */
export const PAGE = 10;

/**
 * How many hits the dialog shows whole at once, about: its list (84% of the window's height less
 * its input, filter and key-hint rows, ~140 px) over a row with one line of excerpt (~82 px).
 * Their text is read first; the rest's (cut by the fold or below it) just after.
 */
function hitsInView(): number {
  return Math.max(1, Math.floor((window.innerHeight * 0.84 - 140) / 82));
}

interface Arrived {
  raw: string;
  onlyIncomplete: boolean;
  run: SearchRun;
}

export interface SearchResults {
  /** The hits to list: the query's, or the previous query's while they are on their way. */
  run: SearchRun | null;
  /** The query's own hits are not there yet. */
  busy: boolean;
  /** `run` is the previous query's. */
  previous: boolean;
  error: Error | null;
  /** Call with each keystroke's text, before it is rendered: starts its search at once. */
  ask: (raw: string) => void;
}

/**
 * The hits for typed text, from the search worker through the query cache (kept for the session,
 * the previous query's listed while the next one's are on their way). A keystroke's search starts
 * with the keystroke, and its hits are rendered the moment they arrive (the query cache tells its
 * observers a task later, after the frame in between): first with the text of those in view, then
 * with all.
 */
export function useSearchResults(
  engine: SearchEngine | undefined,
  searchFile: string | null,
  query: string,
  onlyIncomplete: boolean,
  limit: number,
): SearchResults {
  const queryClient = useQueryClient();
  const results = useQuery({
    ...searchRunQueryOptions(engine, searchFile, query, { onlyIncomplete, limit }),
    placeholderData: keepPreviousData,
  });
  const [arrived, setArrived] = useState<Arrived | null>(null);
  // The hits listed when the box was emptied: not shown again for the next first letter.
  const [cleared, setCleared] = useState<SearchRun | null>(null);
  const latest = useRef('');

  const ask = (raw: string) => {
    latest.current = raw;
    if (!raw.trim()) {
      setCleared(results.data ?? null);
      return;
    }
    if (!engine) return;
    const runOptions = { onlyIncomplete, limit: PAGE };
    const options = searchRunQueryOptions(engine, searchFile, raw, runOptions);
    if (queryClient.getQueryData(options.queryKey)) return;
    const show = (run: SearchRun) => {
      if (latest.current === raw) flushSync(() => setArrived({ raw, onlyIncomplete, run }));
    };
    const first = { count: hitsInView(), report: show };
    queryClient
      .fetchQuery({
        ...options,
        queryFn: ({ signal }) => engine.search(raw, runOptions, { signal, first }),
      })
      .then(
        show,
        // The query cache keeps the error for the dialog to show (or the search was cancelled).
        () => undefined,
      );
  };

  const early =
    arrived?.raw === query && arrived.onlyIncomplete === onlyIncomplete && limit === PAGE
      ? arrived.run
      : null;
  const stale = results.isPlaceholderData && results.data === cleared;
  return {
    run: early ?? (stale ? null : (results.data ?? null)),
    busy: !early && (results.isFetching || results.isPlaceholderData),
    previous: !early && results.isPlaceholderData,
    error: early ? null : results.error,
    ask,
  };
}

import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useNavigate } from 'react-router';
import { Icon } from '../../../components/icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { isDataError } from '../../../lib/data-error';
import type { ShownHit } from '../../../lib/search-run';
import { whenIdle } from '../../../lib/when-idle';
import { indexQueryOptions } from '../../notes/api/get-index';
import { talkQueryOptions } from '../../talks/api/get-talk';
import { searchIndexQueryOptions } from '../api/get-search-index';
import { PAGE, useSearchResults } from '../api/use-search-results';
import { SearchHits } from './search-hits';

const NO_HITS: ShownHit[] = [];

export interface SearchDialogProps {
  query: string;
  onQueryChange: (query: string) => void;
  onlyIncomplete: boolean;
  onOnlyIncompleteChange: (onlyIncomplete: boolean) => void;
  onClose: () => void;
}

interface ListView {
  /** What the view is of: another query starts at its first page and its first hit. */
  query: string;
  onlyIncomplete: boolean;
  limit: number;
  active: number;
}

/**
 * How many hits are listed and which is active, for the query asked. Derived, not reset by a
 * second render for each keystroke; the setters are stable, so the memoized list is not
 * rendered again for a keystroke.
 */
function useListView(query: string, onlyIncomplete: boolean) {
  const [view, setView] = useState<ListView>({ query, onlyIncomplete, limit: PAGE, active: 0 });
  const current = view.query === query && view.onlyIncomplete === onlyIncomplete;
  const asked = useRef({ query, onlyIncomplete });
  useLayoutEffect(() => {
    asked.current = { query, onlyIncomplete };
  }, [query, onlyIncomplete]);
  const update = useCallback((change: (view: ListView) => Partial<ListView>) => {
    setView((before) => {
      const now = asked.current;
      const same = before.query === now.query && before.onlyIncomplete === now.onlyIncomplete;
      const base = same ? before : { ...now, limit: PAGE, active: 0 };
      return { ...base, ...change(base) };
    });
  }, []);
  const setActive = useCallback((index: number) => update(() => ({ active: index })), [update]);
  return {
    limit: current ? view.limit : PAGE,
    active: current ? view.active : 0,
    setActive,
    update,
  };
}

/**
 * The search dialog (native modal <dialog>): a combobox input over a listbox of hits that updates
 * as you type. ↑/↓ move through hits, Enter opens the talk at the hit's section, Esc closes. The
 * index is fetched the first time the dialog opens.
 */
export function SearchDialog({
  query,
  onQueryChange,
  onlyIncomplete,
  onOnlyIncompleteChange,
  onClose,
}: SearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = useCallback((index: number) => `${id}-option-${index}`, [id]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const show = useShowFilter();

  const { data: notesIndex } = useSuspenseQuery(indexQueryOptions());
  const engine = useQuery(searchIndexQueryOptions(notesIndex));
  const conferenceTitles = useMemo(
    () =>
      notesIndex.conferences.length > 1
        ? new Map(notesIndex.conferences.map((conference) => [conference.slug, conference.title]))
        : null,
    [notesIndex],
  );

  const { limit, active, setActive, update } = useListView(query, onlyIncomplete);
  const typed = query.trim();
  const results = useSearchResults(
    engine.data,
    notesIndex.searchFile,
    query,
    onlyIncomplete,
    limit,
  );
  const run = typed ? results.run : null;
  const hits = run?.hits ?? NO_HITS;
  const activeHit: ShownHit | undefined = hits[active];

  useEffect(() => {
    const element = dialog.current;
    // Removing the element on close takes it out of the top layer; no cleanup needed.
    if (element && !element.open) element.showModal();
  }, []);

  // The list follows the active hit as it moves (keys, a new query). New hits for the same active
  // index need no scroll: asking for one would lay the dialog out before its paint, each keystroke.
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, optionId]);

  // New hits start at the top; the list knows from its scroll events whether it is elsewhere.
  const scrolled = useRef(false);
  const onListScroll = useCallback((away: boolean) => {
    scrolled.current = away;
  }, []);
  useEffect(() => {
    const list = document.getElementById(listId);
    if (list && scrolled.current) list.scrollTop = 0;
  }, [hits, listId]);

  useEffect(() => {
    if (!activeHit) return;
    // Start loading the talk under the cursor, so opening it shows no spinner: once the page is
    // idle, not on the way of painting the hits, and not for hits the next keystroke replaces.
    return whenIdle(
      () => void queryClient.prefetchQuery(talkQueryOptions(activeHit.conference, activeHit.talk)),
    );
  }, [activeHit, queryClient]);

  const openHit = useCallback(
    (hit: ShownHit) => {
      void navigate(paths.talk(hit.conference, hit.talk, { show }, hit.headingId ?? undefined));
      onClose();
    },
    [navigate, show, onClose],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that pick a candidate in a Chinese or Japanese input method are not ours.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      update((view) => ({ active: (view.active + step + hits.length) % hits.length }));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeHit) openHit(activeHit);
    }
  };

  let status: ReactNode;
  if (notesIndex.searchFile === null) {
    status = 'Search is not available: these notes were compiled without a search index.';
  } else if (engine.isError) {
    status = (
      <>
        {isDataError(engine.error) && engine.error.kind === 'network'
          ? 'Search needs the network once: its index has not been loaded on this device yet.'
          : `Could not load the search index (${engine.error.message}).`}{' '}
        <button
          type="button"
          className="text-link cursor-pointer"
          onClick={() => void engine.refetch()}
        >
          Retry
        </button>
      </>
    );
  } else if (!engine.data) {
    status = 'Loading the search index…';
  } else if (!typed) {
    status = 'Type a word or any part of a sentence (Chinese and Japanese too).';
  } else if (results.error) {
    status =
      isDataError(results.error) && results.error.kind === 'network'
        ? 'Searching these words needs the network: their part of the index is not on this device yet.'
        : `Could not search (${results.error.message}).`;
  } else if (!run) {
    status = 'Searching…';
  } else if (hits.length === 0) {
    status = results.previous
      ? 'Searching…'
      : `No results for “${typed}”${onlyIncomplete ? ' in incomplete talks' : ''}.`;
  } else {
    const count = run.more ? `${hits.length}+` : `${hits.length}`;
    status = `${count} ${hits.length === 1 ? 'result' : 'results'}.`;
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog box itself.
        if (event.target === event.currentTarget) onClose();
      }}
      className="mx-auto mt-[8vh] max-h-[84dvh] w-[min(42rem,calc(100vw-1.5rem))] max-w-none overflow-hidden rounded-xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex max-h-[84dvh] flex-col">
        <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
          <h2 id={`${id}-title`} className="sr-only">
            Search
          </h2>
          <label htmlFor={inputId} className="shrink-0 text-slate-500 dark:text-slate-400">
            <Icon name="search" className="size-5" />
            <span className="sr-only">Search notes</span>
          </label>
          <input
            id={inputId}
            type="text"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={hits.length > 0 ? listId : undefined}
            aria-activedescendant={activeHit ? optionId(active) : undefined}
            aria-autocomplete="list"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            placeholder="Search talks and notes"
            value={query}
            onChange={(event) => {
              // The worker starts on it while React renders the keystroke.
              results.ask(event.target.value);
              onQueryChange(event.target.value);
            }}
            onKeyDown={onKeyDown}
            className="min-w-0 flex-1 bg-transparent py-1.5 text-base outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
          />
          <button
            type="button"
            className="icon-button size-8"
            onClick={onClose}
            aria-label="Close search"
            title="Close (Esc)"
          >
            <Icon name="close" className="size-4" />
          </button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
          <label className="inline-flex cursor-pointer items-center gap-2">
            <input
              type="checkbox"
              checked={onlyIncomplete}
              onChange={(event) => onOnlyIncompleteChange(event.target.checked)}
              className="size-4 accent-sky-700"
            />
            Only incomplete talks
          </label>
          <p
            role="status"
            // Busy while the next keystroke's results are on their way (the list shows the last ones).
            aria-busy={Boolean(typed) && results.busy}
            className="text-slate-600 dark:text-slate-400"
          >
            {status}
          </p>
        </div>
        {hits.length > 0 && (
          <SearchHits
            hits={hits}
            active={active}
            listId={listId}
            optionId={optionId}
            conferenceTitles={conferenceTitles}
            onOpen={openHit}
            onPoint={setActive}
            onScroll={onListScroll}
          />
        )}
        {run?.more && (
          <p className="border-t border-slate-200 px-4 py-2 dark:border-slate-800">
            <button
              type="button"
              className="text-link cursor-pointer text-sm"
              onClick={() => update((view) => ({ limit: view.limit + PAGE }))}
            >
              Show more results
            </button>
          </p>
        )}
        <p className="hidden border-t border-slate-200 px-4 py-2 text-xs text-slate-600 sm:block dark:border-slate-800 dark:text-slate-400">
          <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
        </p>
      </div>
    </dialog>
  );
}

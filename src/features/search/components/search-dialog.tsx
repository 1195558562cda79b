import {
  keepPreviousData,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useNavigate } from 'react-router';
import { Icon } from '../../../components/icon';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { isDataError } from '../../../lib/data-error';
import type { ShownHit } from '../../../lib/search-run';
import { indexQueryOptions } from '../../notes/api/get-index';
import { talkQueryOptions } from '../../talks/api/get-talk';
import { searchIndexQueryOptions, searchRunQueryOptions } from '../api/get-search-index';
import { Marked } from './marked';

/** Hits listed per page: a page more each time the reader asks for more. */
const PAGE = 10;

export interface SearchDialogProps {
  query: string;
  onQueryChange: (query: string) => void;
  onlyIncomplete: boolean;
  onOnlyIncompleteChange: (onlyIncomplete: boolean) => void;
  onClose: () => void;
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
  const optionId = (index: number) => `${id}-option-${index}`;
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

  // A new query starts at its first page and its first hit.
  const [limit, setLimit] = useState(PAGE);
  const [active, setActive] = useState(0);
  const [asked, setAsked] = useState({ query, onlyIncomplete });
  if (asked.query !== query || asked.onlyIncomplete !== onlyIncomplete) {
    setAsked({ query, onlyIncomplete });
    setLimit(PAGE);
    setActive(0);
  }
  const typed = query.trim();
  const results = useQuery({
    ...searchRunQueryOptions(engine.data, notesIndex.searchFile, query, { onlyIncomplete, limit }),
    // The previous list stays until the next one is there (the worker answers in milliseconds).
    placeholderData: keepPreviousData,
  });
  const run = typed ? (results.data ?? null) : null;
  const hits = run?.hits ?? [];
  const activeHit: ShownHit | undefined = hits[active];

  useEffect(() => {
    const element = dialog.current;
    // Removing the element on close takes it out of the top layer; no cleanup needed.
    if (element && !element.open) element.showModal();
  }, []);

  useEffect(() => {
    if (!activeHit) return;
    document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
    // Start loading the talk under the cursor, so opening it shows no spinner.
    void queryClient.prefetchQuery(talkQueryOptions(activeHit.conference, activeHit.talk));
  }, [activeHit, active, id, queryClient]);

  const openHit = (hit: ShownHit) => {
    void navigate(paths.talk(hit.conference, hit.talk, { show }, hit.headingId ?? undefined));
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that pick a candidate in a Chinese or Japanese input method are not ours.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + hits.length) % hits.length);
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
  } else if (results.isError) {
    status =
      isDataError(results.error) && results.error.kind === 'network'
        ? 'Searching these words needs the network: their part of the index is not on this device yet.'
        : `Could not search (${results.error.message}).`;
  } else if (!run) {
    status = 'Searching…';
  } else if (hits.length === 0) {
    status = results.isPlaceholderData
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
            onChange={(event) => onQueryChange(event.target.value)}
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
            aria-busy={Boolean(typed) && (results.isFetching || results.isPlaceholderData)}
            className="text-slate-600 dark:text-slate-400"
          >
            {status}
          </p>
        </div>
        {hits.length > 0 && (
          <ul
            id={listId}
            role="listbox"
            aria-label="Search results"
            className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2"
          >
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onClick={() => openHit(hit)}
                onMouseMove={() => {
                  if (index !== active) setActive(index);
                }}
                className="cursor-pointer rounded-lg px-3 py-2 aria-selected:bg-sky-100 dark:aria-selected:bg-sky-900/50"
              >
                <span className="flex items-center gap-2">
                  <StatusIcon status={hit.status} />
                  <span className="min-w-0 truncate font-medium">
                    <Marked pieces={hit.talkTitlePieces} />
                  </span>
                </span>
                <span className="mt-0.5 block truncate text-xs text-slate-600 dark:text-slate-400">
                  {[conferenceTitles?.get(hit.conference), hit.day].filter(Boolean).join(' · ')}
                  {hit.headingId !== null && (
                    <>
                      {hit.day || conferenceTitles ? ' › ' : ''}
                      {hit.heading ? <Marked pieces={hit.headingPieces} /> : 'Untitled section'}
                    </>
                  )}
                </span>
                {hit.snippet.pieces.length > 0 && (
                  <span className="mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">
                    {hit.snippet.before && '…'}
                    <Marked pieces={hit.snippet.pieces} lines />
                    {hit.snippet.after && '…'}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {run?.more && (
          <p className="border-t border-slate-200 px-4 py-2 dark:border-slate-800">
            <button
              type="button"
              className="text-link cursor-pointer text-sm"
              onClick={() => setLimit((shown) => shown + PAGE)}
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

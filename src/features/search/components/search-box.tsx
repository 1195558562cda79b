import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { indexQueryOptions } from '../../notes/api/get-index';
import { searchIndexQueryOptions } from '../api/get-search-index';
import { Icon } from '../../../components/icon';
import { isTyping } from '../../../lib/is-typing';

/** `/`, or Ctrl+K / ⌘K, pressed outside a text field. */
function isSearchShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || isTyping(event.target)) return false;
  if (event.key === '/' && !event.ctrlKey && !event.metaKey) return true;
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
}

/** The element to give focus back to when search closes (none when focus was nowhere). */
function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * The sidebar's Search button and its keyboard shortcuts; opens the search dialog. The dialog is
 * rendered into <body>, so it shows even when this sidebar copy is hidden (phones).
 */
// The dialog's code loads with the search index, when search is first wanted: it costs the
// first page nothing.
const loadDialog = () => import('./search-dialog');
const SearchDialog = lazy(async () => ({ default: (await loadDialog()).SearchDialog }));

export function SearchBox() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const queryClient = useQueryClient();
  const { data: notesIndex } = useSuspenseQuery(indexQueryOptions());

  // Pointing at or tabbing to the button shows intent: start loading the index then.
  const warmUp = () => {
    void loadDialog();
    if (notesIndex.searchFile) {
      void queryClient.prefetchQuery(searchIndexQueryOptions(notesIndex));
    }
  };

  const openSearch = () => {
    returnFocus.current = focusedElement();
    setOpen(true);
  };

  // Stable, so the dialog's hit list (which opens hits and then closes) is not rendered again
  // for each keystroke.
  const closeSearch = useCallback(() => {
    setOpen(false);
    const target = returnFocus.current?.isConnected ? returnFocus.current : button.current;
    target?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      // Another copy of the sidebar (the phone drawer) may listen too: the first one wins.
      event.preventDefault();
      returnFocus.current = focusedElement();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Keys typed right after the shortcut, while the dialog's code is still on its way (it loads on
  // first use), have no box to go to: they are kept as the query, which the box shows when it
  // opens. Once the box has focus it takes its keys itself.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      // The dialog is there: its controls (the filter's checkbox…) take their own keys.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const typed = event.key.length === 1 ? event.key : null;
      if (typed === null && event.key !== 'Backspace') return;
      event.preventDefault();
      setQuery((words) => (typed === null ? words.slice(0, -1) : words + typed));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="px-3 pt-3">
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        onClick={openSearch}
        onPointerEnter={warmUp}
        onFocus={warmUp}
        className="flex w-full cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-left text-sm text-slate-600 hover:border-slate-400 hover:text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-400 dark:hover:border-slate-500 dark:hover:text-white"
      >
        <Icon name="search" className="size-4 shrink-0" />
        <span className="flex-1">Search</span>
        <kbd aria-hidden="true" className="text-xs">
          /
        </kbd>
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <SearchDialog
              query={query}
              onQueryChange={setQuery}
              onlyIncomplete={onlyIncomplete}
              onOnlyIncompleteChange={setOnlyIncomplete}
              onClose={closeSearch}
            />
          </Suspense>,
          document.body,
        )}
    </div>
  );
}

import { getBookmarks } from '../features/bookmarks/bookmarks-store';
import { getRecentReads } from '../features/talks/recent-reads';
import { STYLESHEET_META } from './hydration';

const INTENT_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'] as const;

/**
 * Adds the whole stylesheet to a pre-rendered page, which carries only the rules of its own
 * markup. Does nothing on a page that has it already (the app shell) or once done.
 */
export function loadFullStylesheet(): void {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${STYLESHEET_META}"]`);
  if (!meta) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = meta.content;
  meta.replaceWith(link);
}

/**
 * Whether the app shows, right after hydration, what the pre-render could not know: a returning
 * reader's bookmarks and recent reads, whose rules the page may lack (laid out without them, a
 * list would move when the rest arrives, under the reader's pointer).
 */
function showsKeptContent(): boolean {
  return getBookmarks().length > 0 || getRecentReads().length > 0;
}

/**
 * Loads the whole stylesheet as soon as the reader does anything (moves the pointer, touches,
 * types, tabs): before anything new is shown, and never for a page that is only read. What the
 * page shows as loaded is styled already.
 */
export function loadFullStylesheetOnIntent(): void {
  if (!document.querySelector(`meta[name="${STYLESHEET_META}"]`)) return;
  // A returning reader has the sheet cached (the offline worker keeps it) and sees kept content.
  if (showsKeptContent()) {
    loadFullStylesheet();
    return;
  }
  const load = () => {
    for (const type of INTENT_EVENTS) window.removeEventListener(type, load, true);
    loadFullStylesheet();
  };
  for (const type of INTENT_EVENTS)
    window.addEventListener(type, load, { capture: true, passive: true });
}

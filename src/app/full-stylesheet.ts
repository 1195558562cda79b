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
 * Loads the whole stylesheet as soon as the reader does anything (moves the pointer, touches,
 * types, tabs): before anything new is shown, and never for a page that is only read. What the
 * page shows as loaded is styled already.
 */
export function loadFullStylesheetOnIntent(): void {
  if (!document.querySelector(`meta[name="${STYLESHEET_META}"]`)) return;
  const load = () => {
    for (const type of INTENT_EVENTS) window.removeEventListener(type, load, true);
    loadFullStylesheet();
  };
  for (const type of INTENT_EVENTS)
    window.addEventListener(type, load, { capture: true, passive: true });
}

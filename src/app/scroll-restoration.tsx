import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** State a link sets to keep the page where it is (the sidebar filter: same page, other rows). */
export const KEEP_SCROLL = { keepScroll: true } as const;

function keepsScroll(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'keepScroll' in state;
}

/** Where each history entry was scrolled to, by its location key (this tab's session only). */
const positions = new Map<string, number>();

/**
 * Scrolls as a multi-page site would: a new page starts at the top (or at its `#heading`, which
 * useHashScroll handles), Back and Forward return to where that page was left. React Router's own
 * ScrollRestoration belongs to its data router, which this app does not use (see routes.tsx).
 */
export function ScrollRestoration() {
  const { key, hash, state } = useLocation();
  const type = useNavigationType();
  const current = useRef(key);
  const first = useRef(true);

  useEffect(() => {
    // history.scrollRestoration stays 'auto': a reload keeps its place, and on Back the layout
    // effect below places the page again once it has rendered.
    let frame = 0;
    // Recorded as the reader scrolls: by the time a navigation renders, the old page is gone.
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => positions.set(current.current, window.scrollY));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, []);

  useLayoutEffect(() => {
    current.current = key;
    if (first.current) {
      // The page as loaded: the browser has placed it (at its #heading, or where a reload was).
      first.current = false;
      return;
    }
    const saved = positions.get(key);
    if (type === 'POP' && saved !== undefined) window.scrollTo(0, saved);
    else if (!hash && !keepsScroll(state)) window.scrollTo(0, 0);
  }, [key, hash, state, type]);

  return null;
}

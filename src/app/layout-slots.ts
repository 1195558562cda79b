import type { ReactNode } from 'react';

/**
 * Parts of a lazily loaded page that the root layout renders and hands over (react-router's
 * outlet context). They use the bookmark, reading-history and offline stores, which the entry chunk
 * has: imported by a page's chunk as well, Rolldown would split each such shared module into a
 * file of its own that every page, a talk's cold load included, must fetch.
 */
export interface LayoutSlots {
  /** The home page's list of bookmarks and recent reads, with what can be read offline. */
  yourTalks: ReactNode;
}

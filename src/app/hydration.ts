import type { DehydratedState } from '@tanstack/react-query';
import type { DATA_VERSION, ReaderTalk } from '../compiler/contract';

/**
 * Name of the `<meta>` in which a pre-rendered page, which carries only the CSS rules of its own
 * markup (src/prerender/critical-css.ts), names the whole stylesheet (src/app/full-stylesheet.ts).
 */
export const STYLESHEET_META = 'notes-reader:stylesheet';

/** Id of the `<script type="application/json">` block a pre-rendered page carries its state in. */
export const HYDRATION_ID = 'hydration-data';

/**
 * What a pre-rendered page hands over to the browser: which URL it was rendered for and the query
 * cache it was rendered from (no inline script, so a CSP without 'unsafe-inline' allows it).
 */
export interface HydrationPayload {
  /** Router path the HTML was rendered for (below the base path, percent-encoded as in a URL). */
  path: string;
  /** Query string the HTML was rendered for ('' = none). */
  search: string;
  /** The query cache (the talk, and the index when it is small enough to embed). */
  queries: DehydratedState;
  /**
   * Every talk document of the page's conference in one file (a `TalksBundle`, relative to the
   * data folder), for the browser to fetch when idle so opening any of them fetches nothing;
   * null when there is none (home page, or too large).
   */
  talksBundle: string | null;
}

/**
 * `data/bundles/<conference>.<hash>.json`, written by the pre-render (not the compiler): the
 * conference's talk documents as in their own files, less the Markdown text the reader does not
 * read (`ReaderTalk`), in one request.
 */
export interface TalksBundle {
  version: typeof DATA_VERSION;
  conference: string;
  talks: ReaderTalk[];
}

/**
 * JSON safe inside `<script type="application/json">`: `<` is escaped, so the notes can neither
 * close the script element nor open a comment in it.
 */
export function serializeHydration(payload: HydrationPayload): string {
  return JSON.stringify(payload).replace(/</g, '\\u003c');
}

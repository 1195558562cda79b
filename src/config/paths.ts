import type { ShowFilter } from '../lib/filters';

/** Query kept across navigation (the sidebar filter). */
export interface KeptQuery {
  show?: ShowFilter;
}

function query({ show }: KeptQuery = {}): string {
  return show && show !== 'all' ? `?show=${show}` : '';
}

/** Anything in a page path but ASCII letters and digits, and other scripts' letters and digits. */
const ESCAPED = /[^\p{L}\p{M}\p{N}]|[\0-\x7f]/gu;

/**
 * A page path's segment: percent-encoded, except letters and digits of scripts other than Latin's
 * ASCII, which stay as written (an IRI, which browsers encode when they request it). A CJK slug's
 * link is a third as long, and a page of them ~0.5 KiB gzip lighter; punctuation, spaces, symbols
 * and controls stay encoded, so a link still says exactly one path.
 */
function segment(value: string): string {
  return value.replace(ESCAPED, encodeURIComponent);
}

/** Joins the data folder's relative file name, encoding each segment (slugs may be CJK). */
function dataPath(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** A file of the built site at its top level (below the base path). */
function sitePath(file: string): string {
  return `${import.meta.env.BASE_URL}${file}`;
}

/**
 * Every URL of the app. Router paths are relative to the router's basename (the build's base path);
 * data URLs include the base path because they go to `fetch`.
 */
export const paths = {
  home: (kept?: KeptQuery) => `/${query(kept)}`,
  conference: (conference: string, kept?: KeptQuery) => `/${segment(conference)}${query(kept)}`,
  talk: (conference: string, talk: string, kept?: KeptQuery, hash?: string) =>
    `/${segment(conference)}/${segment(talk)}${query(kept)}${hash ? `#${hash}` : ''}`,
  /** In-page link to an element id. */
  anchor: (id: string) => `#${id}`,
  data: {
    index: () => dataPath('index.json'),
    file: (file: string) => dataPath(file),
    /** Prefix of every talk document's URL (`data/talks/<conference>/<slug>.<hash>.json`). */
    talks: () => dataPath('talks/'),
    /** Prefix of the search index's files' URLs (`data/search/<hash>/…`). */
    search: () => dataPath('search/'),
  },
  /** The plain app shell (no page pre-rendered in it), which the service worker answers pages with. */
  shell: () => sitePath('404.html'),
  /** The service worker's script (built by vite-plugin-pwa from src/service-worker/sw.ts). */
  worker: () => sitePath('sw.js'),
};

import { paths } from '../../config/paths';

// Shared by the app and the service worker (src/service-worker/sw.ts): the app decides what is kept
// for reading offline and writes it; the worker answers from it. Both agree here on the caches'
// names and on which URLs go where. Names carry the base path, so two builds served from one
// origin under different paths never share or prune each other's caches.

/** Talk documents kept offline: the bookmarked talks and those read in the last 30 days. */
export const TALKS_CACHE = `notes-talks:${import.meta.env.BASE_URL}`;

/** The search index, once it has been loaded; only the current one is kept. */
export const SEARCH_CACHE = `notes-search:${import.meta.env.BASE_URL}`;

/** Whether a URL path is a talk document's (content-hashed: a kept copy is never stale). */
export function isTalkFile(pathname: string): boolean {
  return pathname.startsWith(paths.data.talks()) && pathname.endsWith('.json');
}

/** Whether a URL path is a search index's (content-hashed as well). */
export function isSearchFile(pathname: string): boolean {
  return pathname.startsWith(paths.data.search()) && pathname.endsWith('.json');
}

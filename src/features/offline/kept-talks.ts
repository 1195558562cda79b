import type { QueryClient } from '@tanstack/react-query';
import type { NotesIndex, ReaderTalk } from '../../compiler/contract';
import { paths } from '../../config/paths';
import { findTalk } from '../../lib/notes-index';
import { whenIdle } from '../../lib/when-idle';
import { getBookmarks, subscribeBookmarks } from '../bookmarks/bookmarks-store';
import { indexQueryOptions } from '../notes/api/get-index';
import { searchIndexQueryOptions } from '../search/api/get-search-index';
import { talkQueryOptions } from '../talks/api/get-talk';
import { getRecentReads, subscribeRecentReads } from '../talks/recent-reads';
import { keptTalksQueryOptions } from './api/get-kept-talks';
import { SEARCH_CACHE, TALKS_CACHE } from './offline-caches';

// Which talks are kept for reading offline is the app's to decide (the service worker cannot read
// the bookmarks): the bookmarked talks and those read in the last 30 days, each under the file
// name the current index gives it. Whatever else is in the cache is dropped: a talk read long ago,
// a bookmark removed, or an older version of a talk once new notes are in.

/** Absolute URL of a data file, as the Cache API keys it. */
function dataUrl(file: string): string {
  return new URL(paths.data.file(file), window.location.href).href;
}

/** The talk files to keep, each with its document when this page has it in memory. */
function wantedTalks(client: QueryClient, index: NotesIndex): Map<string, ReaderTalk | undefined> {
  const wanted = new Map<string, ReaderTalk | undefined>();
  for (const { conference, talk } of [...getBookmarks(), ...getRecentReads()]) {
    const entry = findTalk(index, conference, talk);
    if (!entry) continue;
    const doc = client.getQueryData(talkQueryOptions(conference, talk).queryKey);
    wanted.set(dataUrl(entry.talk.dataFile), doc);
  }
  return wanted;
}

/** Stores a talk: from memory when the page has it (no request), else from the network. */
async function storeTalk(cache: Cache, url: string, doc: ReaderTalk | undefined): Promise<void> {
  if (!doc) return cache.add(url);
  const body = JSON.stringify(doc);
  await cache.put(url, new Response(body, { headers: { 'Content-Type': 'application/json' } }));
}

/**
 * Keeps the current search index's manifest once this page has loaded it (the worker keeps every
 * search file it fetches, the term chunks too; not if it was loaded before the worker was there),
 * and drops the files of every other index (another folder).
 */
async function syncSearch(client: QueryClient, index: NotesIndex): Promise<void> {
  const current = index.searchFile && dataUrl(index.searchFile);
  const folder = current && current.slice(0, current.lastIndexOf('/') + 1);
  const cache = await caches.open(SEARCH_CACHE);
  const keys = await cache.keys();
  for (const request of keys) {
    if (!folder || !request.url.startsWith(folder)) await cache.delete(request);
  }
  const loaded = client.getQueryData(searchIndexQueryOptions(index).queryKey);
  if (current && loaded && !keys.some((request) => request.url === current)) {
    // Most likely from the HTTP cache: the file is content-hashed and was just fetched.
    await cache.add(current).catch(() => undefined);
  }
}

/** Brings the offline caches in line with the bookmarks, the recent reads and the index. */
async function sync(client: QueryClient): Promise<void> {
  const index = await client.ensureQueryData(indexQueryOptions());
  const wanted = wantedTalks(client, index);
  const cache = await caches.open(TALKS_CACHE);
  const have = new Set((await cache.keys()).map((request) => request.url));
  for (const url of have) if (!wanted.has(url)) await cache.delete(url);
  for (const [url, doc] of wanted) {
    if (have.has(url)) continue;
    try {
      await storeTalk(cache, url, doc);
    } catch {
      // Offline: the next sync (the network is back) does the rest. Else only this one failed.
      if (!navigator.onLine) break;
    }
  }
  await syncSearch(client, index);
  await client.invalidateQueries({ queryKey: keptTalksQueryOptions().queryKey });
}

let running: Promise<void> = Promise.resolve();
let scheduled = false;

/**
 * Syncs the offline caches when the browser is idle, one sync at a time (they would race on the
 * same entries); changes that come while one is scheduled are covered by it.
 */
export function requestSync(client: QueryClient): void {
  if (scheduled) return;
  scheduled = true;
  whenIdle(() => {
    scheduled = false;
    running = running.then(() => sync(client)).catch(() => undefined);
  });
}

/**
 * Keeps the offline caches in line from now on: at once, then whenever a talk is read or
 * bookmarked (bookmarking makes a talk available offline at once) and when the network is back.
 */
export function startKeeping(client: QueryClient): void {
  const request = () => requestSync(client);
  subscribeBookmarks(request);
  subscribeRecentReads(request);
  window.addEventListener('online', request);
  request();
}

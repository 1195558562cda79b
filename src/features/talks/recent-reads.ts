import { useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useParams } from 'react-router';
import { createLocalStore } from '../../lib/local-store';
import { findTalk } from '../../lib/notes-index';
import { addRead, parseRecentReads, withinWindow, type RecentRead } from '../../lib/recent-reads';
import { indexQueryOptions } from '../notes/api/get-index';

const EMPTY: RecentRead[] = [];

// The talks read in the last 30 days: the home page lists them, and they stay available offline.
const store = createLocalStore<RecentRead[]>('notes-reader:recent-reads', parseRecentReads, EMPTY);

/** Notes that a talk was opened now. */
export function rememberRead(read: { conference: string; talk: string }): void {
  store.set(addRead(store.get(), read, Date.now()));
}

/** The talks read in the last 30 days, newest first. */
export function getRecentReads(): RecentRead[] {
  return withinWindow(store.get(), Date.now());
}

export const subscribeRecentReads = store.subscribe;

/** The stored list (newest first; `withinWindow` trims it to the last 30 days). */
export function useRecentReads(): RecentRead[] {
  return useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
}

/**
 * Notes each talk the reader opens (the talk route's params, when the index has that talk): what
 * "Read recently" lists and what stays available offline for 30 days. Used once, by the root
 * layout: the talk page's chunk importing this store would split it out of the app's entry into
 * one more file for every page to load.
 */
export function useRecordReads(): void {
  const { conference, talk } = useParams();
  const { data: index } = useQuery(indexQueryOptions());
  const known = !!(index && conference && talk && findTalk(index, conference, talk));
  useEffect(() => {
    if (known && conference && talk) rememberRead({ conference, talk });
  }, [known, conference, talk]);
}

import { useSyncExternalStore } from 'react';
import { createLocalStore } from '../../lib/local-store';
import { addRead, parseRecentReads, withinWindow, type RecentRead } from '../../lib/recent-reads';

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

import { useSyncExternalStore } from 'react';
import { isBookmarked, parseBookmarks, toggleBookmark, type Bookmark } from '../../lib/bookmarks';
import { createLocalStore } from '../../lib/local-store';

const EMPTY: Bookmark[] = [];

const store = createLocalStore<Bookmark[]>('notes-reader:bookmarks', parseBookmarks, EMPTY);

export const getBookmarks = store.get;
export const subscribeBookmarks = store.subscribe;

export function useBookmarks(): Bookmark[] {
  return useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
}

export function useIsBookmarked(conference: string, talk: string): boolean {
  return isBookmarked(useBookmarks(), conference, talk);
}

export function toggleStoredBookmark(bookmark: Bookmark): void {
  store.set(toggleBookmark(store.get(), bookmark));
}

import { describe, expect, it } from 'vitest';
import { isSearchFile, isTalkFile, SEARCH_CACHE, TALKS_CACHE } from './offline-caches';

describe('offline caches', () => {
  it('tells talk documents and the search index from the other data files', () => {
    expect(isTalkFile('/data/talks/gopherchina-2017/go-in-tidb.5762aebb.json')).toBe(true);
    expect(isTalkFile('/data/talks/c/nsq-%E9%87%8D%E5%A1%91%E4%B9%8B%E8%B7%AF.ab12.json')).toBe(
      true,
    );
    expect(isSearchFile('/data/search/f64e0387/index.json')).toBe(true);
    expect(isSearchFile('/data/search/f64e0387/12.json')).toBe(true);
    for (const other of [
      '/data/index.json',
      '/data/bundles/gopherchina-2017.1e3254a6.json',
      '/gopherchina-2017/go-in-tidb',
      '/data/talks/',
    ]) {
      expect(isTalkFile(other)).toBe(false);
      expect(isSearchFile(other)).toBe(false);
    }
  });

  it('keeps each base path in caches of its own', () => {
    expect(TALKS_CACHE).toBe('notes-talks:/');
    expect(SEARCH_CACHE).toBe('notes-search:/');
  });
});

import { describe, expect, it } from 'vitest';
import { bookmarksToMarkdown, isBookmarked, parseBookmarks, toggleBookmark } from './bookmarks';

const tidb = {
  conference: 'c',
  talk: 'go-in-tidb',
  title: 'Go in TiDB',
  conferenceTitle: 'C 2017',
};
const odd = { conference: 'c', talk: 'x', title: 'A [weird] (title)', conferenceTitle: 'C 2017' };

describe('bookmarks', () => {
  it('toggles a talk in and out without mutating the list', () => {
    const empty: (typeof tidb)[] = [];
    const one = toggleBookmark(empty, tidb);
    expect(one).toEqual([tidb]);
    expect(empty).toEqual([]);
    expect(isBookmarked(one, 'c', 'go-in-tidb')).toBe(true);
    expect(toggleBookmark(one, { ...tidb, title: 'renamed' })).toEqual([]);
  });

  it('keeps only valid stored entries', () => {
    expect(parseBookmarks([tidb, { conference: 1 }, null, 'x'])).toEqual([tidb]);
    expect(parseBookmarks({})).toBeNull();
  });

  it('exports a Markdown list of links, escaping what would break it', () => {
    const markdown = bookmarksToMarkdown([tidb, odd], (b) => `https://h.example/r/${b.talk}(1)`);
    expect(markdown).toBe(
      '# Bookmarked talks\n\n' +
        '- [Go in TiDB](https://h.example/r/go-in-tidb%281%29) — C 2017\n' +
        '- [A \\[weird\\] (title)](https://h.example/r/x%281%29) — C 2017\n',
    );
  });
});

/** A talk saved in the reader's Bookmarks list. */
export interface Bookmark {
  conference: string;
  talk: string;
  title: string;
  conferenceTitle: string;
}

function isBookmark(value: unknown): value is Bookmark {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.conference === 'string' &&
    typeof v.talk === 'string' &&
    typeof v.title === 'string' &&
    typeof v.conferenceTitle === 'string'
  );
}

/** Keeps the valid entries of stored data (it may come from an older version or be edited by hand). */
export function parseBookmarks(value: unknown): Bookmark[] | null {
  return Array.isArray(value) ? value.filter(isBookmark) : null;
}

export function isBookmarked(list: readonly Bookmark[], conference: string, talk: string): boolean {
  return list.some((b) => b.conference === conference && b.talk === talk);
}

/** Adds the talk at the end, or removes it when it is there. Returns a new list. */
export function toggleBookmark(list: readonly Bookmark[], bookmark: Bookmark): Bookmark[] {
  return isBookmarked(list, bookmark.conference, bookmark.talk)
    ? list.filter((b) => !(b.conference === bookmark.conference && b.talk === bookmark.talk))
    : [...list, bookmark];
}

function escapeLinkText(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

/**
 * The bookmarks as a Markdown list of links, one per line.
 * `urlOf` gives each talk's absolute URL; parentheses are escaped so the link never breaks.
 */
export function bookmarksToMarkdown(
  list: readonly Bookmark[],
  urlOf: (bookmark: Bookmark) => string,
): string {
  const lines = list.map((b) => {
    const url = urlOf(b).replace(/\(/g, '%28').replace(/\)/g, '%29');
    return `- [${escapeLinkText(b.title)}](${url}) — ${escapeLinkText(b.conferenceTitle)}`;
  });
  return `# Bookmarked talks\n\n${lines.join('\n')}\n`;
}

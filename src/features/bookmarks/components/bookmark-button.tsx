import { Icon } from '../../../components/icon';
import type { Bookmark } from '../../../lib/bookmarks';
import { toggleStoredBookmark, useIsBookmarked } from '../bookmarks-store';

/** The star that saves a talk to the Bookmarks list (a toggle button, never inside the talk link). */
export function BookmarkButton({
  bookmark,
  size = 'sm',
}: {
  bookmark: Bookmark;
  size?: 'sm' | 'md';
}) {
  const saved = useIsBookmarked(bookmark.conference, bookmark.talk);
  return (
    <button
      type="button"
      aria-pressed={saved}
      aria-label={`Bookmark ${bookmark.title}`}
      title={saved ? 'Remove from bookmarks' : 'Add to bookmarks'}
      onClick={() => toggleStoredBookmark(bookmark)}
      className={`icon-button ${size === 'sm' ? 'size-7' : 'size-9'} ${
        saved ? 'text-amber-500 dark:text-amber-300' : 'text-slate-400 dark:text-slate-500'
      }`}
    >
      <Icon name="star" filled={saved} className={size === 'sm' ? 'size-4' : 'size-5'} />
    </button>
  );
}

import { lazy } from 'react';
import { LazyPart } from '../../../components/lazy-part';
import { useBookmarks } from '../bookmarks-store';
import { BookmarksHeading } from './bookmarks-heading';

/** The list itself, loaded once there is something in it: a first visit goes without its code. */
const SavedBookmarks = lazy(async () => ({
  default: (await import('./saved-bookmarks')).SavedBookmarks,
}));

function Hint({ children }: { children: string }) {
  return <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{children}</p>;
}

/** The talks starred by the reader, with export to a Markdown list of links. */
export function BookmarksList() {
  const bookmarks = useBookmarks();
  return (
    <nav aria-labelledby="bookmarks-label" className="px-3 py-3">
      {bookmarks.length === 0 ? (
        <>
          <BookmarksHeading />
          <Hint>Star a talk to keep it here.</Hint>
        </>
      ) : (
        <LazyPart
          loading={<BookmarksHeading />}
          failed={
            <>
              <BookmarksHeading />
              <Hint>Your bookmarks could not be shown: the app could not load their list.</Hint>
            </>
          }
        >
          <SavedBookmarks bookmarks={bookmarks} />
        </LazyPart>
      )}
    </nav>
  );
}

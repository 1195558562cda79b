import type { ReactNode } from 'react';

/** The sidebar's "Bookmarks" label (it names the section), with what goes beside it. */
export function BookmarksHeading({ children }: { children?: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <p id="bookmarks-label" className="sidebar-label">
        Bookmarks
      </p>
      {children}
    </div>
  );
}

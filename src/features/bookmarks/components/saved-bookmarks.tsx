import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '../../../components/icon';
import { paths } from '../../../config/paths';
import { useOnline } from '../../../hooks/use-online';
import { bookmarksToMarkdown, type Bookmark } from '../../../lib/bookmarks';
import { findTalk } from '../../../lib/notes-index';
import { indexQueryOptions } from '../../notes/api/get-index';
import { useOfflineAvailability } from '../../offline/use-offline-availability';
import { useWorkerState } from '../../offline/worker-state';
import { TalkLink } from '../../talks/components/talk-link';
import { toggleStoredBookmark } from '../bookmarks-store';
import { BookmarksHeading } from './bookmarks-heading';

function absoluteUrl(bookmark: Bookmark): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return new URL(base + paths.talk(bookmark.conference, bookmark.talk), window.location.origin)
    .href;
}

function download(markdown: string) {
  const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'bookmarks.md';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Whether a bookmarked talk can be read offline (kept on this device), shown beside it. */
function OfflineMark({ available }: { available: boolean }) {
  const label = available ? 'Available offline' : 'Not yet available offline';
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`mt-1.5 inline-flex shrink-0 ${
        available ? 'text-emerald-700 dark:text-emerald-400' : 'text-slate-500 dark:text-slate-400'
      }`}
    >
      <Icon name={available ? 'saved' : 'offline'} className="size-4" />
    </span>
  );
}

/**
 * Whether each bookmark can be read offline (by `conference/talk`), once the service worker is
 * there to serve them, or the network is gone; null before (nothing to say yet).
 */
function useBookmarksOffline(bookmarks: readonly Bookmark[]): Map<string, boolean> | null {
  const { ready } = useWorkerState();
  const online = useOnline();
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const isAvailable = useOfflineAvailability();
  if (!ready && online) return null;
  const marks = new Map<string, boolean>();
  for (const bookmark of bookmarks) {
    const entry = findTalk(index, bookmark.conference, bookmark.talk);
    if (entry) {
      marks.set(bookmarkKey(bookmark), isAvailable({ ...bookmark, dataFile: entry.talk.dataFile }));
    }
  }
  return marks;
}

function bookmarkKey(bookmark: Bookmark): string {
  return `${bookmark.conference}/${bookmark.talk}`;
}

/**
 * The reader's bookmarks (at least one) under the Bookmarks heading: each talk with whether it
 * can be read offline and a Remove button, and export to a Markdown list of links.
 */
export function SavedBookmarks({ bookmarks }: { bookmarks: readonly Bookmark[] }) {
  const offline = useBookmarksOffline(bookmarks);
  const [copied, setCopied] = useState(false);
  const markdown = () => bookmarksToMarkdown(bookmarks, absoluteUrl);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      download(markdown());
    }
  };

  return (
    <>
      <BookmarksHeading>
        <div className="flex gap-1">
          <button
            type="button"
            className="chip-button"
            onClick={() => void copy()}
            title="Copy the bookmarks as a Markdown list of links"
          >
            <Icon name="copy" className="size-3.5" />
            {copied ? 'Copied' : 'Copy Markdown'}
          </button>
          <button
            type="button"
            className="chip-button"
            onClick={() => download(markdown())}
            aria-label="Download bookmarks as Markdown"
            title="Download bookmarks.md"
          >
            <Icon name="download" className="size-3.5" />
          </button>
        </div>
      </BookmarksHeading>
      <ul className="mt-1 space-y-0.5">
        {bookmarks.map((bookmark) => (
          <li key={bookmarkKey(bookmark)} className="flex items-start gap-1">
            <TalkLink
              conference={bookmark.conference}
              talk={bookmark.talk}
              className="sidebar-link flex-1"
              title={`${bookmark.title} — ${bookmark.conferenceTitle}`}
            >
              {bookmark.title}
            </TalkLink>
            {offline?.has(bookmarkKey(bookmark)) && (
              <OfflineMark available={offline.get(bookmarkKey(bookmark))!} />
            )}
            <button
              type="button"
              className="icon-button size-7 text-slate-500 dark:text-slate-400"
              aria-label={`Remove ${bookmark.title} from bookmarks`}
              title="Remove from bookmarks"
              onClick={() => toggleStoredBookmark(bookmark)}
            >
              <Icon name="close" className="size-3.5" />
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '../../../components/icon';
import { useOnline } from '../../../hooks/use-online';
import { findTalk, type TalkEntry } from '../../../lib/notes-index';
import { withinWindow } from '../../../lib/recent-reads';
import { useBookmarks } from '../../bookmarks/bookmarks-store';
import { indexQueryOptions } from '../../notes/api/get-index';
import { TalkLink } from '../../talks/components/talk-link';
import { useRecentReads } from '../../talks/recent-reads';
import { useOfflineAvailability } from '../use-offline-availability';
import { useWorkerState } from '../worker-state';

/** Recent reads listed at most; the rest are still kept offline. */
const RECENT_SHOWN = 8;

function AvailabilityMark({ available }: { available: boolean }) {
  return available ? (
    <span className="inline-flex items-center gap-1 font-medium text-emerald-800 dark:text-emerald-300">
      <Icon name="saved" className="size-3.5" />
      On this device
    </span>
  ) : (
    <span className="inline-flex items-center gap-1">
      <Icon name="offline" className="size-3.5" />
      Needs a network
    </span>
  );
}

function TalkList({
  title,
  entries,
  isKept,
}: {
  title: string;
  entries: TalkEntry[];
  /** Whether a talk can be read offline; null when there is nothing to say (no worker yet). */
  isKept: ((entry: TalkEntry) => boolean) | null;
}) {
  const id = `your-talks-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div>
      <h3 id={id} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        {title}
      </h3>
      <ul aria-labelledby={id} className="mt-1 space-y-2">
        {entries.map((entry) => (
          <li key={`${entry.conference.slug}/${entry.talk.slug}`}>
            <TalkLink
              conference={entry.conference.slug}
              talk={entry.talk.slug}
              className="text-link"
            >
              {entry.talk.title}
            </TalkLink>
            <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600 dark:text-slate-400">
              {entry.conference.title}
              {isKept && <AvailabilityMark available={isKept(entry)} />}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The home page's list of the reader's bookmarks and the talks read in the last 30 days, with
 * which of them can be read on this device without a network. Offline, it says so first: this is
 * what a reader opening the installed app on a plane sees.
 */
export function YourTalks() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const isAvailable = useOfflineAvailability();
  const { ready } = useWorkerState();
  const online = useOnline();
  const bookmarks = useBookmarks();
  const stored = useRecentReads();
  const [now] = useState(() => Date.now());

  const toEntry = (read: { conference: string; talk: string }) =>
    findTalk(index, read.conference, read.talk);
  const saved = bookmarks.map(toEntry).filter((entry) => entry !== undefined);
  const recent = withinWindow(stored, now)
    .map(toEntry)
    .filter((entry) => entry !== undefined);
  if (saved.length === 0 && recent.length === 0) return null;

  // Offline, every talk is marked; online, once the worker is there to keep them.
  const isKept =
    ready || !online
      ? (entry: TalkEntry) =>
          isAvailable({
            conference: entry.conference.slug,
            talk: entry.talk.slug,
            dataFile: entry.talk.dataFile,
          })
      : null;

  return (
    <section
      aria-labelledby="your-talks-title"
      className="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="your-talks-title" className="font-semibold">
        Your talks
      </h2>
      {!online && (
        <p className="mt-2 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
          <Icon name="offline" className="mt-0.5 size-4 shrink-0" />
          You are offline. The talks marked “On this device” can be read; all others need a network.
        </p>
      )}
      <div
        className={`mt-3 grid gap-4 ${saved.length > 0 && recent.length > 0 ? 'sm:grid-cols-2' : ''}`}
      >
        {saved.length > 0 && <TalkList title="Bookmarks" entries={saved} isKept={isKept} />}
        {recent.length > 0 && (
          <TalkList title="Read recently" entries={recent.slice(0, RECENT_SHOWN)} isKept={isKept} />
        )}
      </div>
    </section>
  );
}

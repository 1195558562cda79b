/** A talk the reader opened, and when (ms since the epoch). */
export interface RecentRead {
  conference: string;
  talk: string;
  at: number;
}

/** How long a talk that was read stays in the list (and so available offline). */
export const RECENT_MS = 30 * 24 * 60 * 60 * 1000;

/** At most this many entries are remembered (a sanity bound on localStorage, ~100 KiB). */
export const RECENT_MAX = 1000;

function isRecentRead(value: unknown): value is RecentRead {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.conference === 'string' &&
    typeof v.talk === 'string' &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at)
  );
}

/** Keeps the valid entries of stored data (it may come from an older version or be edited by hand). */
export function parseRecentReads(value: unknown): RecentRead[] | null {
  return Array.isArray(value) ? value.filter(isRecentRead) : null;
}

/** The entries read within `RECENT_MS` of `now`, newest first. Pure. */
export function withinWindow(list: readonly RecentRead[], now: number): RecentRead[] {
  return list.filter((read) => now - read.at <= RECENT_MS).sort((a, b) => b.at - a.at);
}

/**
 * The list with this talk read at `now`: first, once, and without the entries that fell out of
 * the window or past the bound. Returns a new list.
 */
export function addRead(
  list: readonly RecentRead[],
  read: { conference: string; talk: string },
  now: number,
): RecentRead[] {
  const others = withinWindow(list, now).filter(
    (r) => !(r.conference === read.conference && r.talk === read.talk),
  );
  return [{ conference: read.conference, talk: read.talk, at: now }, ...others].slice(
    0,
    RECENT_MAX,
  );
}

import type { NotesIndex, TalkStatus } from '../compiler/contract';

/** The sidebar filter, kept in the URL as `?show=`. */
export type ShowFilter = 'all' | 'incomplete' | 'empty';

export const SHOW_FILTERS: readonly ShowFilter[] = ['all', 'incomplete', 'empty'];

export const SHOW_LABELS: Record<ShowFilter, string> = {
  all: 'All',
  incomplete: 'Incomplete',
  empty: 'Empty only',
};

/** Reads `?show=` leniently: anything unknown means all talks. */
export function parseShow(search: URLSearchParams | string): ShowFilter {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const value = params.get('show');
  return value === 'incomplete' || value === 'empty' ? value : 'all';
}

export function matchesShow(status: TalkStatus, show: ShowFilter): boolean {
  if (show === 'incomplete') return status !== 'complete';
  if (show === 'empty') return status === 'empty';
  return true;
}

const counted = new WeakMap<NotesIndex, Record<ShowFilter, number>>();

/** How many talks each filter shows, over the whole index (counted once per index). */
export function countByShow(index: NotesIndex): Record<ShowFilter, number> {
  const known = counted.get(index);
  if (known) return known;
  const counts: Record<ShowFilter, number> = { all: 0, incomplete: 0, empty: 0 };
  for (const conference of index.conferences) {
    for (const day of conference.days) {
      for (const talk of day.talks) {
        for (const show of SHOW_FILTERS) if (matchesShow(talk.status, show)) counts[show] += 1;
      }
    }
  }
  counted.set(index, counts);
  return counts;
}

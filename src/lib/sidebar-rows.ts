import type { Conference, Day, NotesIndex, StatusSummary, TalkSummary } from '../compiler/contract';
import { matchesShow, type ShowFilter } from './filters';

/** Up to this many talks in all, every conference starts expanded; above, only the current one. */
export const EXPAND_ALL_MAX_TALKS = 200;

/** One line of the sidebar's talk tree, in display order (the list the sidebar virtualizes). */
export type SidebarRow =
  | {
      kind: 'conference';
      key: string;
      conference: Conference;
      expanded: boolean;
      /** Talks shown under this conference with the filter (when expanded). */
      shown: number;
    }
  | { kind: 'day'; key: string; conference: Conference; day: Day; dayIndex: number }
  | {
      kind: 'talk';
      key: string;
      conference: Conference;
      day: Day;
      /** Key of the day row this talk belongs to (talks of one day form one list). */
      dayKey: string;
      talk: TalkSummary;
      current: boolean;
      /** 1-based position among the day's shown talks, and their number (for aria-posinset/setsize). */
      position: number;
      setSize: number;
    };

export interface SidebarState {
  show: ShowFilter;
  /** The talk being read (route params), if any. */
  conference?: string;
  talk?: string;
  /** Conferences the reader expanded or collapsed by hand (a flip of the default). */
  toggled: ReadonlySet<string>;
}

/** Whether a conference is expanded before the reader toggles it. Pure. */
export function expandedByDefault(index: NotesIndex, slug: string, current?: string): boolean {
  return index.summary.talks <= EXPAND_ALL_MAX_TALKS || slug === current;
}

function countShown(summary: StatusSummary, show: ShowFilter): number {
  if (show === 'incomplete') return summary.partial + summary.empty;
  if (show === 'empty') return summary.empty;
  return summary.talks;
}

/**
 * The sidebar's rows: each conference, and for an expanded one its days and the talks the filter
 * shows (the talk being read always stays, so the reader never loses their place); days without
 * a shown talk are left out. Pure.
 */
export function sidebarRows(index: NotesIndex, state: SidebarState): SidebarRow[] {
  const rows: SidebarRow[] = [];
  for (const conference of index.conferences) {
    const isCurrentConference = conference.slug === state.conference;
    const expanded =
      expandedByDefault(index, conference.slug, state.conference) !==
      state.toggled.has(conference.slug);
    const header: Extract<SidebarRow, { kind: 'conference' }> = {
      kind: 'conference',
      key: `c:${conference.slug}`,
      conference,
      expanded,
      shown: countShown(conference.summary, state.show),
    };
    rows.push(header);
    if (!expanded) continue;
    let shown = 0;
    conference.days.forEach((day, dayIndex) => {
      const talks = day.talks.filter(
        (talk) =>
          matchesShow(talk.status, state.show) || (isCurrentConference && talk.slug === state.talk),
      );
      if (talks.length === 0) return;
      const dayKey = `d:${conference.slug}:${dayIndex}`;
      rows.push({ kind: 'day', key: dayKey, conference, day, dayIndex });
      talks.forEach((talk, i) => {
        rows.push({
          kind: 'talk',
          key: `t:${conference.slug}/${talk.slug}`,
          conference,
          day,
          dayKey,
          talk,
          current: isCurrentConference && talk.slug === state.talk,
          position: i + 1,
          setSize: talks.length,
        });
      });
      shown += talks.length;
    });
    header.shown = shown;
  }
  return rows;
}

import type { Conference, Day, NotesIndex, TalkSummary } from '../compiler/contract';

/** A talk with the conference and day it belongs to, in reading order. */
export interface TalkEntry {
  conference: Conference;
  day: Day;
  talk: TalkSummary;
}

const listed = new WeakMap<NotesIndex, { entries: TalkEntry[]; at: Map<string, number> }>();

/** The talks in order and where each is, built once per index (an index is never changed). */
function talkList(index: NotesIndex): { entries: TalkEntry[]; at: Map<string, number> } {
  let list = listed.get(index);
  if (!list) {
    const entries = buildTalkList(index);
    const at = new Map(entries.map((e, i) => [`${e.conference.slug}/${e.talk.slug}`, i]));
    list = { entries, at };
    listed.set(index, list);
  }
  return list;
}

/** All talks of the index in file order (conference, day, talk). */
export function listTalks(index: NotesIndex): TalkEntry[] {
  return talkList(index).entries;
}

function buildTalkList(index: NotesIndex): TalkEntry[] {
  const entries: TalkEntry[] = [];
  for (const conference of index.conferences) {
    for (const day of conference.days) {
      for (const talk of day.talks) entries.push({ conference, day, talk });
    }
  }
  return entries;
}

export function findConference(index: NotesIndex, slug: string): Conference | undefined {
  return index.conferences.find((conference) => conference.slug === slug);
}

export function findTalk(
  index: NotesIndex,
  conferenceSlug: string,
  talkSlug: string,
): TalkEntry | undefined {
  const conference = findConference(index, conferenceSlug);
  if (!conference) return undefined;
  for (const day of conference.days) {
    const talk = day.talks.find((t) => t.slug === talkSlug);
    if (talk) return { conference, day, talk };
  }
  return undefined;
}

/** The talks before and after the given one in reading order (across days and conferences). */
export function neighbours(
  index: NotesIndex,
  conferenceSlug: string,
  talkSlug: string,
): { previous: TalkEntry | null; next: TalkEntry | null } {
  const { entries, at: positions } = talkList(index);
  const at = positions.get(`${conferenceSlug}/${talkSlug}`) ?? -1;
  if (at === -1) return { previous: null, next: null };
  return { previous: entries[at - 1] ?? null, next: entries[at + 1] ?? null };
}

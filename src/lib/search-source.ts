/**
 * Where a search document is: its talk and section. Documents are numbered in reading order, talks
 * in the notes index's order, so the count of each talk's documents locates any of them.
 */
import type MiniSearch from 'minisearch';
import type { NotesIndex } from '../compiler/contract';
import type { HitTalk, SearchDocument } from './search-options';
import type { SearchSource } from './search-run';
import type { SectionText } from './search-text';
import { lastAtOrBefore } from './last-at-or-before.ts';

export interface DocumentPlace {
  /** The talk's position in the notes index (conferences, days, talks in order). */
  talk: number;
  /** The section's position among the talk's `sectionTexts`. */
  section: number;
}

/** Returns the place of each document, given how many documents each talk has. */
export function documentPlaces(counts: readonly number[]): (id: number) => DocumentPlace {
  const starts: number[] = [];
  let total = 0;
  for (const count of counts) {
    starts.push(total);
    total += count;
  }
  return (id) => {
    // The last talk that starts at or before the document.
    const talk = lastAtOrBefore(starts, id);
    return { talk, section: id - starts[talk]! };
  };
}

/**
 * Returns a search source over a whole index in memory and its talks' sections (the compiler's
 * documents): what the tests and the benchmark search.
 */
export function memorySource(
  miniSearch: MiniSearch<SearchDocument>,
  talks: readonly HitTalk[],
  sections: readonly (readonly SectionText[])[],
): SearchSource {
  const place = documentPlaces(sections.map((own) => own.length));
  return {
    prepare: () => Promise.resolve(),
    search: (query) => miniSearch.search(query),
    talkOf: (id) => talks[place(id).talk],
    sections: (ids) =>
      Promise.resolve(
        ids.map((id) => {
          const { talk, section } = place(id);
          return sections[talk][section] ?? null;
        }),
      ),
  };
}

/** Returns the talks in the notes index's order (the search index's), with their data files. */
export function indexTalks(index: NotesIndex): (HitTalk & { dataFile: string })[] {
  return index.conferences.flatMap((conference) =>
    conference.days.flatMap((day) =>
      day.talks.map((talk) => ({
        conference: conference.slug,
        talk: talk.slug,
        talkTitle: talk.title,
        day: day.label,
        status: talk.status,
        dataFile: talk.dataFile,
      })),
    ),
  );
}

/**
 * One search, as the search box runs it on each keystroke: typed text in, the hits to list out,
 * each with its snippet already cut and marked. Pure (reads the given MiniSearch instance only);
 * the benchmark and the tests call this same function.
 */
import type MiniSearch from 'minisearch';
import {
  allowsTypos,
  buildSearchQuery,
  highlightTerms,
  parseSearchQuery,
  selectHits,
  type SearchDocument,
  type SearchStored,
} from './search-options';
import {
  findMatches,
  makeSnippet,
  splitByRanges,
  type Snippet,
  type SnippetPiece,
} from './search-snippet';

export interface ShownHit extends SearchStored {
  /** Document id, unique in the index (a React key). */
  id: number;
  talkTitlePieces: SnippetPiece[];
  headingPieces: SnippetPiece[];
  snippet: Snippet;
}

export interface SearchRun {
  hits: ShownHit[];
  /** More hits matched than `limit`. */
  more: boolean;
}

export interface RunOptions {
  /** Only talks with something left to write (partial or empty). */
  onlyIncomplete?: boolean;
  limit?: number;
}

const NOTHING: SearchRun = { hits: [], more: false };

function marked(text: string, terms: readonly string[]): SnippetPiece[] {
  return splitByRanges(text, findMatches(text, terms));
}

/** Returns the hits for typed text, best first (none for blank text). Does not mutate. */
export function runSearch(
  miniSearch: MiniSearch<SearchDocument>,
  raw: string,
  { onlyIncomplete = false, limit = 50 }: RunOptions = {},
): SearchRun {
  const parts = parseSearchQuery(raw);
  const query = buildSearchQuery(parts);
  if (!query) return NOTHING;
  const limits = {
    limit,
    keep: onlyIncomplete ? (hit: SearchStored) => hit.status !== 'complete' : undefined,
  };
  let { hits, more } = selectHits(miniSearch.search(query), parts, limits);
  // Typo tolerance only when nothing matched as typed: it is the costly part of a search on a
  // large vocabulary, and it would only add noise to results that are already there.
  if (hits.length === 0 && allowsTypos(parts)) {
    ({ hits, more } = selectHits(
      miniSearch.search(buildSearchQuery(parts, { typos: true })!),
      parts,
      limits,
    ));
  }
  return {
    more,
    hits: hits.map((hit) => {
      const terms = highlightTerms(hit, parts);
      return {
        id: hit.id,
        conference: hit.conference,
        talk: hit.talk,
        talkTitle: hit.talkTitle,
        day: hit.day,
        headingId: hit.headingId,
        heading: hit.heading,
        status: hit.status,
        text: hit.text,
        talkTitlePieces: marked(hit.talkTitle, terms),
        headingPieces: marked(hit.heading, terms),
        snippet: makeSnippet(hit.text, terms),
      };
    }),
  };
}

/**
 * The one place that defines the search index: its documents, the MiniSearch options the compiler
 * indexes with and the app loads with (they must be identical), and how a typed query becomes a
 * MiniSearch query. Pure; imports only MiniSearch's types, so the library itself stays out of any
 * bundle that does not search.
 */
import type { Options, Query, SearchResult } from 'minisearch';
import type { TalkStatus } from '../compiler/contract';
import {
  bigrams,
  isNgramChar,
  normalizeText,
  splitTokens,
  tokenize,
  transpositions,
} from './tokenize.ts';

/** One indexed document: a section of a talk (the text under one heading, or the talk's intro). */
export interface SearchDocument {
  /** Sequential number, in the notes' reading order. */
  id: number;
  conference: string;
  /** Talk slug (the app builds the URL with `paths.talk`). */
  talk: string;
  talkTitle: string;
  /** Day label as written (`4/15`), '' for the unnamed day. */
  day: string;
  /** Outline heading id of the section, or null for the talk's intro (text before its first heading). */
  headingId: string | null;
  /** Heading title, '' for the intro or an empty heading. */
  heading: string;
  status: TalkStatus;
  /** Plain text of the section, blocks joined by `\n` (indexed, not stored). */
  body: string;
  /** `body` cut at `SEARCH_TEXT_MAX` characters, `…` marking the cut (stored, for snippets). */
  text: string;
}

/** What a search result carries: the stored fields of the document. */
export type SearchStored = Omit<SearchDocument, 'id' | 'body'>;

export type SearchHit = SearchStored & {
  id: number;
  score: number;
  /** Index terms that matched (derived ones too: `goroutine` for the prefix `gorout`). */
  terms: string[];
  /** Which fields each matched term was found in. */
  match: Record<string, string[]>;
};

/** Sections longer than this are stored cut (the whole text is still indexed). */
export const SEARCH_TEXT_MAX = 2000;

/** Returns the stored text of a section: the body, cut after `SEARCH_TEXT_MAX` characters. */
export function cutText(body: string): string {
  if (body.length <= SEARCH_TEXT_MAX) return body;
  // Never split a surrogate pair; the result is always longer than the maximum, which `isCut` reads.
  const end = /[\uD800-\uDBFF]/.test(body[SEARCH_TEXT_MAX - 1])
    ? SEARCH_TEXT_MAX + 1
    : SEARCH_TEXT_MAX;
  return `${body.slice(0, end)}…`;
}

export const SEARCH_FIELDS = ['talkTitle', 'heading', 'body'] as const;
export const SEARCH_STORE_FIELDS = [
  'conference',
  'talk',
  'talkTitle',
  'day',
  'headingId',
  'heading',
  'status',
  'text',
] as const satisfies readonly (keyof SearchStored)[];

/** Words shorter than this get no typo tolerance (too many near neighbours). */
export const TYPO_MIN_LENGTH = 4;
/** Score factor of a match through a swapped pair of letters, as MiniSearch weighs fuzzy matches. */
const TRANSPOSITION_WEIGHT = 0.45;

/**
 * MiniSearch options, identical at build time (`new MiniSearch`) and load time (`loadJSON`).
 * Terms come out of `tokenize` already normalized, so `processTerm` keeps them as they are; query
 * strings are pre-split by `buildSearchQuery`, so the query tokenizer only splits on spaces.
 */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...SEARCH_STORE_FIELDS],
  tokenize,
  processTerm: (term: string) => term,
  searchOptions: {
    tokenize: (text: string) => text.split(' '),
    processTerm: (term: string) => term,
    boost: { heading: 2, talkTitle: 1.5 },
  },
} satisfies Options<SearchDocument>;

/** A typed query, split the way the index was: words, and runs of CJK (or other unspaced) text. */
export type QueryPart = { kind: 'word'; text: string } | { kind: 'ngram'; text: string };

/** Returns the parts of a typed query (normalized like indexed text). */
export function parseSearchQuery(raw: string): QueryPart[] {
  return splitTokens(raw);
}

function ngramQuery(run: string): Query {
  const grams = bigrams(run);
  // A single character is the start of a bigram (or a run's last unigram): prefix search finds all.
  return { combineWith: 'AND', prefix: grams[0] === run, fuzzy: false, queries: grams };
}

/** Whether the query tolerates typos (the second try, when nothing matched as typed). */
export interface QueryMode {
  typos: boolean;
}

/**
 * The query of one typed word: a prefix from two letters on (`gorout` → goroutine; one letter
 * would match a large part of the vocabulary), and, with `typos`, one typo from 4 letters on: an
 * edit, or a swapped pair.
 */
export function wordQuery(word: string, { typos }: QueryMode): Query {
  const length = Array.from(word).length;
  const strict: Query = { queries: [word], prefix: length >= 2, fuzzy: false };
  if (!typos || length < TYPO_MIN_LENGTH) return strict;
  return {
    combineWith: 'OR',
    queries: [
      { queries: [word], prefix: true, fuzzy: 1 },
      {
        queries: transpositions(word),
        prefix: false,
        fuzzy: false,
        boostTerm: () => TRANSPOSITION_WEIGHT,
      },
    ],
  };
}

/** Returns whether a typo-tolerant try could find more than the strict one (a word long enough). */
export function allowsTypos(parts: readonly QueryPart[]): boolean {
  return parts.some(
    (part) => part.kind === 'word' && Array.from(part.text).length >= TYPO_MIN_LENGTH,
  );
}

/**
 * Returns the MiniSearch query for typed text, or null when it has nothing to search for. Every
 * part must match (AND). A word matches as typed or as a prefix, and with `typos` with one typo;
 * a CJK run matches when all its bigrams do, exactly (no prefix, no typo).
 */
export function buildSearchQuery(
  parts: readonly QueryPart[],
  mode: QueryMode = { typos: false },
): Query | null {
  if (parts.length === 0) return null;
  return {
    combineWith: 'AND',
    queries: parts.map((part) =>
      part.kind === 'ngram' ? ngramQuery(part.text) : wordQuery(part.text, mode),
    ),
  };
}

/** Returns whether a stored text was cut (then it cannot prove a phrase is absent). */
export function isCut(text: string): boolean {
  return text.length > SEARCH_TEXT_MAX;
}

/**
 * Returns whether the document has every CJK run of the query contiguously, as typed (the bigrams
 * alone also match `全局…唯一` far apart). Texts that were cut are given the benefit of the doubt.
 */
function hasRuns(hit: SearchStored, runs: readonly string[]): boolean {
  if (runs.length === 0) return true;
  if (isCut(hit.text)) return true;
  const haystack = normalizeText(`${hit.talkTitle}\n${hit.heading}\n${hit.text}`);
  return runs.every((run) => haystack.includes(run));
}

/** Returns whether the hit matched through the talk title only (every section of the talk would). */
function titleOnly(hit: SearchResult): boolean {
  return Object.values(hit.match).every((fields) => fields.every((field) => field === 'talkTitle'));
}

export interface SearchLimits {
  /** At most this many hits. */
  limit: number;
  /** Keep a hit only when this says so (e.g. only incomplete talks). */
  keep?: (hit: SearchStored) => boolean;
}

/**
 * Returns the best hits for a query, best first: drops hits whose CJK runs are not contiguous,
 * keeps one title-only hit per talk, and stops at `limit`. `more` tells whether hits were left out.
 * Does not mutate the results.
 */
export function selectHits(
  results: readonly SearchResult[],
  parts: readonly QueryPart[],
  { limit, keep }: SearchLimits,
): { hits: SearchHit[]; more: boolean } {
  const runs = parts.filter((part) => part.kind === 'ngram').map((part) => part.text);
  const titleHit = new Set<string>();
  const hits: SearchHit[] = [];
  for (const result of results) {
    const hit = result as unknown as SearchHit;
    if (keep && !keep(hit)) continue;
    if (!hasRuns(hit, runs)) continue;
    if (titleOnly(result)) {
      const talkKey = `${hit.conference}/${hit.talk}`;
      if (titleHit.has(talkKey)) continue;
      titleHit.add(talkKey);
    }
    if (hits.length === limit) return { hits, more: true };
    hits.push(hit);
  }
  return { hits, more: false };
}

/**
 * Returns what to highlight for a hit: the words it matched (derived ones too) and the CJK runs as
 * typed; the bigrams that matched only when a run is not there as a whole (its text was cut).
 */
export function highlightTerms(hit: SearchHit, parts: readonly QueryPart[]): string[] {
  const words = hit.terms.filter((term) => !isNgramChar(term.slice(0, 1)));
  const runs = parts.filter((part) => part.kind === 'ngram').map((part) => part.text);
  const haystack = normalizeText(`${hit.talkTitle}\n${hit.heading}\n${hit.text}`);
  const whole = runs.every((run) => haystack.includes(run));
  const grams = whole ? [] : hit.terms.filter((term) => isNgramChar(term.slice(0, 1)));
  return [...words, ...runs, ...grams];
}

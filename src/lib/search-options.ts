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
  /** Sequential number, in the notes' reading order (talks in the index's order, then sections). */
  id: number;
  talkTitle: string;
  /** Heading title, '' for the intro or an empty heading. */
  heading: string;
  /** Plain text of the section, blocks joined by `\n`. */
  body: string;
}

/** What a result shows of its talk, from the notes index (the search index stores no text). */
export interface HitTalk {
  conference: string;
  /** Talk slug (the app builds the URL with `paths.talk`). */
  talk: string;
  talkTitle: string;
  /** Day label as written (`4/15`), '' for the unnamed day. */
  day: string;
  status: TalkStatus;
}

export const SEARCH_FIELDS = ['talkTitle', 'heading', 'body'] as const;

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
  // Nothing stored: a result's talk comes from the notes index, its text from the talk file.
  storeFields: [],
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

/** Returns the CJK runs of a query, as typed (normalized). */
export function queryRuns(parts: readonly QueryPart[]): string[] {
  return parts.filter((part) => part.kind === 'ngram').map((part) => part.text);
}

/**
 * Returns the CJK runs whose contiguity a hit's text must confirm: those of three characters or
 * more. A run of one or two characters matches one index term (its bigram, or a term it starts:
 * `runTerms` cuts runs into terms of at most two), which is itself contiguous text, so the index
 * alone says the section has it and none of its text need be read for that.
 */
export function runsToCheck(parts: readonly QueryPart[]): string[] {
  return queryRuns(parts).filter((run) => Array.from(run).length > 2);
}

/**
 * Returns whether a section has every CJK run of the query contiguously, as typed (the bigrams
 * alone also match `全局…唯一` far apart). `text` is the section's title, heading and body; null
 * (not at hand, e.g. offline) is given the benefit of the doubt.
 */
export function hasRuns(text: string | null, runs: readonly string[]): boolean {
  if (runs.length === 0 || text === null) return true;
  const haystack = normalizeText(text);
  return runs.every((run) => haystack.includes(run));
}

/** Returns whether the result matched through the talk title only (every section of the talk would). */
export function titleOnly(result: SearchResult): boolean {
  return Object.values(result.match).every((fields) =>
    fields.every((field) => field === 'talkTitle'),
  );
}

/**
 * Returns what to highlight for a result: the words it matched (derived ones too) and the CJK runs
 * as typed; the bigrams that matched only when a run is not in `text` as a whole (or the text is
 * not at hand).
 */
export function highlightTerms(
  result: SearchResult,
  parts: readonly QueryPart[],
  text: string | null,
): string[] {
  const words = result.terms.filter((term) => !isNgramChar(term.slice(0, 1)));
  const runs = queryRuns(parts);
  const whole = text !== null && hasRuns(text, runs);
  const grams = whole ? [] : result.terms.filter((term) => isNgramChar(term.slice(0, 1)));
  return [...words, ...runs, ...grams];
}

/** Terms a query reads: one term, or (`prefix`) every term that starts with it. */
export interface TermSpan {
  term: string;
  prefix: boolean;
}

/**
 * Returns the terms a query built by `buildSearchQuery(parts, mode)` can match, so that a sharded
 * index loads only those. With `typos`, a long word reads every term that starts with its first
 * letter, and its transpositions: a typo in the first letter is found only as a swap.
 */
export function queryTermSpans(parts: readonly QueryPart[], { typos }: QueryMode): TermSpan[] {
  return parts.flatMap((part): TermSpan[] => {
    if (part.kind === 'ngram') {
      const grams = bigrams(part.text);
      return grams.map((term) => ({ term, prefix: grams[0] === part.text }));
    }
    const chars = Array.from(part.text);
    if (!typos || chars.length < TYPO_MIN_LENGTH) {
      return [{ term: part.text, prefix: chars.length >= 2 }];
    }
    return [
      { term: chars[0], prefix: true },
      ...transpositions(part.text).map((term) => ({ term, prefix: false })),
    ];
  });
}

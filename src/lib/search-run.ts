/**
 * One search, as the search box runs it on each keystroke: typed text in, the hits to list out,
 * each with its snippet already cut and marked. The index is any `SearchSource`: the sharded one
 * the search worker fetches a piece at a time, or a whole MiniSearch in Node (tests, benchmark);
 * all run this same function.
 */
import type { Query, SearchResult } from 'minisearch';
import {
  allowsTypos,
  buildSearchQuery,
  hasRuns,
  highlightTerms,
  parseSearchQuery,
  runsToCheck,
  titleOnly,
  type HitTalk,
  type QueryMode,
  type QueryPart,
} from './search-options';
import {
  findMatches,
  makeSnippet,
  splitByRanges,
  type Snippet,
  type SnippetPiece,
} from './search-snippet';
import type { SectionText } from './search-text';

/** An index to search and what it needs to show results. */
export interface SearchSource {
  /** Makes the terms `buildSearchQuery(parts, mode)` can match searchable (a sharded index fetches them). */
  prepare: (parts: readonly QueryPart[], mode: QueryMode) => Promise<void>;
  search: (query: Query) => SearchResult[];
  /** The talk of a document. */
  talkOf: (id: number) => HitTalk;
  /** The sections of documents (null where not at hand, e.g. offline), in the order asked. */
  sections: (ids: readonly number[]) => Promise<(SectionText | null)[]>;
}

export interface ShownHit extends HitTalk {
  /** Document id, unique in the index (a React key). */
  id: number;
  /** Outline heading id of the section, or null for the talk's intro (or a section not at hand). */
  headingId: string | null;
  heading: string;
  talkTitlePieces: SnippetPiece[];
  headingPieces: SnippetPiece[];
  snippet: Snippet;
  /** Its section's text is still being read (see `FirstHits`): no heading nor snippet yet. */
  pending?: true;
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

/**
 * Hits to report before the rest: the text of the first `count` (those the reader sees at once)
 * is read first, and `report` gets the run with the others `pending`, before their text is read.
 */
export interface FirstHits {
  count: number;
  report: (run: SearchRun) => void;
}

/** How a run is steered: `signal` cancels it (see `runSearch`), `first` reports early. */
export interface RunControl {
  signal?: AbortSignal;
  first?: FirstHits;
}

const NOTHING: SearchRun = { hits: [], more: false };

export interface Selected {
  result: SearchResult;
  section: SectionText | null;
}

/** The section's text as the runs of a query are checked in: title, heading and body. */
function fullText(talk: HitTalk, section: SectionText | null): string | null {
  return section && `${talk.talkTitle}\n${section.heading}\n${section.body}`;
}

/** One result per talk when only its title matched (every section of the talk would). */
function titleDeduper(source: SearchSource): (result: SearchResult) => boolean {
  const titleHit = new Set<string>();
  return (result) => {
    if (!titleOnly(result)) return true;
    const talk = source.talkOf(result.id as number);
    const talkKey = `${talk.conference}/${talk.talk}`;
    if (titleHit.has(talkKey)) return false;
    titleHit.add(talkKey);
    return true;
  };
}

/** The results with their sections, read at once. */
async function withSections(
  source: SearchSource,
  results: readonly SearchResult[],
  signal?: AbortSignal,
): Promise<Selected[]> {
  const sections = await source.sections(results.map((result) => result.id as number));
  signal?.throwIfAborted();
  return results.map((result, i) => ({ result, section: sections[i] }));
}

interface Selection {
  selected: Selected[];
  more: boolean;
}

interface SelectControl {
  signal?: AbortSignal;
  /** Read the text of the first `count` kept results first, and report them (word queries). */
  early?: { count: number; report: (selection: Selection, read: number) => void };
}

/**
 * Selects without reading any text (no CJK run to check), then reads the kept results' only: with
 * `early`, the first `early.count` of them first, reported before the rest is read.
 */
async function selectUnchecked(
  source: SearchSource,
  candidates: readonly SearchResult[],
  limit: number,
  { signal, early }: SelectControl,
): Promise<Selection> {
  const firstOfTalk = titleDeduper(source);
  const kept: SearchResult[] = [];
  let more = false;
  for (const result of candidates) {
    if (!firstOfTalk(result)) continue;
    if (kept.length === limit) {
      more = true;
      break;
    }
    kept.push(result);
  }
  if (early && kept.length > early.count) {
    const first = await withSections(source, kept.slice(0, early.count), signal);
    const rest = kept.slice(early.count).map((result) => ({ result, section: null }));
    early.report({ selected: [...first, ...rest], more }, early.count);
  }
  return { selected: await withSections(source, kept, signal), more };
}

/** Selects reading the text of candidates a batch at a time, to check the CJK runs in it. */
async function selectChecked(
  source: SearchSource,
  candidates: readonly SearchResult[],
  runs: readonly string[],
  limit: number,
  signal?: AbortSignal,
): Promise<Selection> {
  const firstOfTalk = titleDeduper(source);
  const selected: Selected[] = [];
  let next = 0;
  while (next < candidates.length) {
    // One more than the list still lacks: enough to tell whether there are more.
    const batch = candidates.slice(next, next + Math.min(limit - selected.length + 1, 64));
    next += batch.length;
    for (const hit of await withSections(source, batch, signal)) {
      const talk = source.talkOf(hit.result.id as number);
      if (!hasRuns(fullText(talk, hit.section), runs) || !firstOfTalk(hit.result)) continue;
      if (selected.length === limit) return { selected, more: true };
      selected.push(hit);
    }
  }
  return { selected, more: false };
}

/**
 * Returns the best results, best first, and whether more were left out: keeps the wanted talks,
 * drops results whose CJK runs (of three characters or more, see `runsToCheck`) are not contiguous, keeps one title-only result per talk, stops at
 * `limit`. Asks `source` for the text of only as many results as it has to look at: with no CJK
 * run to check, only of those it keeps (each text is a talk file to fetch in the browser).
 */
export function selectHits(
  source: SearchSource,
  results: readonly SearchResult[],
  parts: readonly QueryPart[],
  limit: number,
  keep: (talk: HitTalk) => boolean,
  control: SelectControl = {},
): Promise<Selection> {
  const runs = runsToCheck(parts);
  const candidates = results.filter((result) => keep(source.talkOf(result.id as number)));
  return runs.length === 0
    ? selectUnchecked(source, candidates, limit, control)
    : selectChecked(source, candidates, runs, limit, control.signal);
}

function marked(text: string, terms: readonly string[]): SnippetPiece[] {
  return splitByRanges(text, findMatches(text, terms));
}

function shownHit(
  source: SearchSource,
  parts: readonly QueryPart[],
  hit: Selected,
  pending = false,
): ShownHit {
  const { result, section } = hit;
  const talk = source.talkOf(result.id as number);
  const terms = highlightTerms(result, parts, fullText(talk, section));
  const heading = section?.heading ?? '';
  return {
    ...talk,
    id: result.id as number,
    headingId: section?.headingId ?? null,
    heading,
    talkTitlePieces: marked(talk.talkTitle, terms),
    headingPieces: marked(heading, terms),
    snippet: makeSnippet(section?.body ?? '', terms),
    ...(pending && { pending: true as const }),
  };
}

function shownRun(
  source: SearchSource,
  parts: readonly QueryPart[],
  selection: Selection,
  read = Infinity,
): SearchRun {
  return {
    more: selection.more,
    hits: selection.selected.map((hit, i) => shownHit(source, parts, hit, i >= read)),
  };
}

/**
 * Returns the hits for typed text, best first (none for blank text). Does not mutate. Once
 * `signal` is aborted (a newer keystroke made this search moot) it rejects with its reason at the
 * next step instead of reading more text. With `first`, reports the hits once the text of the
 * first few is read (see `FirstHits`), when there are more to read.
 */
export async function runSearch(
  source: SearchSource,
  raw: string,
  { onlyIncomplete = false, limit = 50 }: RunOptions = {},
  { signal, first }: RunControl = {},
): Promise<SearchRun> {
  const parts = parseSearchQuery(raw);
  const query = buildSearchQuery(parts);
  if (!query) return NOTHING;
  const keep = onlyIncomplete ? (talk: HitTalk) => talk.status !== 'complete' : () => true;
  await source.prepare(parts, { typos: false });
  signal?.throwIfAborted();
  const found = source.search(query);
  const control: SelectControl = {
    signal,
    early: first && {
      count: first.count,
      report: (selection, read) => first.report(shownRun(source, parts, selection, read)),
    },
  };
  let { selected, more } = await selectHits(source, found, parts, limit, keep, control);
  // Typo tolerance only when nothing matched as typed: it is the costly part of a search on a
  // large vocabulary, and it would only add noise to results that are already there.
  if (selected.length === 0 && allowsTypos(parts)) {
    const mode = { typos: true };
    await source.prepare(parts, mode);
    signal?.throwIfAborted();
    const results = source.search(buildSearchQuery(parts, mode)!);
    ({ selected, more } = await selectHits(source, results, parts, limit, keep, control));
  }
  return shownRun(source, parts, { selected, more });
}

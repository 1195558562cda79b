/**
 * Search figures: index size (raw, gzip), build and load time, query latency (p50/p95) for the
 * shipped notes and for a synthetic corpus; and, on the shipped notes, the tokenizer comparison
 * behind the choice of CJK bigrams (recall on the query list, exhaustive CJK recall, index size).
 *
 *   npx tsx src/bench/search-figures.ts [--talks 10000] [--json out.json]
 *
 * A benchmark, not a test: it prints figures and never fails on a number. `searchFigures` is
 * exported for `npm run bench` to reuse with its own corpus.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import MiniSearch, { type Options, type Query } from 'minisearch';
import { DATA_VERSION } from '../compiler/contract.ts';
import { compileNotes, emitData, type TalkDocument } from '../compiler/index.ts';
import { buildSearchIndex, searchDocuments } from '../compiler/search-index.ts';
import {
  SEARCH_OPTIONS,
  parseSearchQuery,
  selectHits,
  wordQuery,
  type SearchDocument,
} from '../lib/search-options.ts';
import { runSearch } from '../lib/search-run.ts';
import { bigrams, splitTokens } from '../lib/tokenize.ts';
import { RECALL_QUERIES } from './search-queries.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LatencyFigures {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface SearchFigures {
  talks: number;
  documents: number;
  terms: number;
  rawBytes: number;
  gzipBytes: number;
  /** Building the documents (Markdown → section text) and the MiniSearch index, and serializing. */
  buildMs: number;
  /** `JSON.parse` + `MiniSearch.loadJS`, what the app does once. */
  loadMs: number;
  /** Heap growth from loading the index (approximate: after a forced GC when available). */
  loadHeapBytes: number | null;
  /** Whole queries of the list. */
  query: LatencyFigures;
  /** Every prefix of every query, as typed one character at a time. */
  typing: LatencyFigures;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function latency(
  run: (query: string) => void,
  queries: readonly string[],
  rounds: number,
): LatencyFigures {
  for (const query of queries) run(query); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return {
    queries: times.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times[times.length - 1] ?? 0,
  };
}

function heapUsed(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed;
}

/** Every prefix of each query, as the search box sees it while the reader types. */
function typed(queries: readonly string[]): string[] {
  return queries.flatMap((query) => {
    const chars = Array.from(query);
    return chars.map((_, i) => chars.slice(0, i + 1).join(''));
  });
}

/**
 * Returns the search figures of some talks: builds the index the way the compiler does, loads it
 * the way the app does, and times `runSearch` (the search box's per-keystroke work) over `queries`.
 */
export function searchFigures(
  talks: readonly TalkDocument[],
  queries: readonly string[],
  { rounds = 20 }: { rounds?: number } = {},
): SearchFigures {
  const buildStart = performance.now();
  const json = buildSearchIndex(talks);
  const buildMs = performance.now() - buildStart;

  const before = heapUsed();
  const loadStart = performance.now();
  const miniSearch = MiniSearch.loadJS<SearchDocument>(JSON.parse(json), SEARCH_OPTIONS);
  const loadMs = performance.now() - loadStart;
  const after = heapUsed();

  const search = (query: string) => void runSearch(miniSearch, query, { limit: 50 });
  return {
    talks: talks.length,
    documents: miniSearch.documentCount,
    terms: miniSearch.termCount,
    rawBytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
    buildMs,
    loadMs,
    loadHeapBytes: before !== null && after !== null ? after - before : null,
    query: latency(search, queries, rounds),
    typing: latency(search, typed(queries), Math.max(1, Math.round(rounds / 4))),
  };
}

// ---------------------------------------------------------------------------------------------
// Tokenizer comparison (shipped notes only).

interface Strategy {
  name: string;
  /** Index terms of a CJK run. */
  runTerms: (run: string) => string[];
  /** The query of one typed CJK run. */
  runQuery: (run: string) => Query;
}

const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });
const segmentWords = (run: string) =>
  Array.from(segmenter.segment(run))
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment);

const lastChar = (run: string) => Array.from(run).slice(-1);
const bigramQuery = (run: string): Query => {
  const grams = bigrams(run);
  return { combineWith: 'AND', prefix: grams[0] === run, fuzzy: false, queries: grams };
};

const STRATEGIES: Strategy[] = [
  {
    name: 'bigrams + last unigram (shipped)',
    runTerms: (run) => (Array.from(run).length < 2 ? [run] : [...bigrams(run), ...lastChar(run)]),
    runQuery: bigramQuery,
  },
  {
    name: 'bigrams + every unigram',
    runTerms: (run) => (Array.from(run).length < 2 ? [run] : [...bigrams(run), ...Array.from(run)]),
    runQuery: (run) => {
      const grams = bigrams(run);
      return { combineWith: 'AND', prefix: false, fuzzy: false, queries: grams };
    },
  },
  {
    name: 'Intl.Segmenter words',
    runTerms: segmentWords,
    runQuery: (run) => ({
      combineWith: 'AND',
      prefix: true,
      fuzzy: false,
      queries: segmentWords(run),
    }),
  },
  {
    name: 'Intl.Segmenter words + bigrams',
    runTerms: (run) => [...segmentWords(run), ...bigrams(run), ...lastChar(run)],
    runQuery: bigramQuery,
  },
  {
    name: 'split on spaces/punctuation (MiniSearch default, as VitePress)',
    runTerms: (run) => [run],
    runQuery: (run) => ({ queries: [run], prefix: true, fuzzy: false }),
  },
];

function strategyTokenize(strategy: Strategy) {
  return (text: string) =>
    splitTokens(text).flatMap((token) =>
      token.kind === 'word' ? [token.text] : strategy.runTerms(token.text),
    );
}

function strategyQuery(strategy: Strategy, raw: string): Query | null {
  const parts = splitTokens(raw).map((token): Query =>
    token.kind === 'word' ? wordQuery(token.text, { typos: true }) : strategy.runQuery(token.text),
  );
  return parts.length ? { combineWith: 'AND', queries: parts } : null;
}

export interface TokenizerFigures {
  strategy: string;
  terms: number;
  rawBytes: number;
  gzipBytes: number;
  /** Queries of the list whose talk and section are in the first 10 hits. */
  recall: string;
  /** Queries of the list not found. */
  missed: string;
  /** Every CJK bigram and trigram of the notes that finds its own talk. */
  cjkRecall: string;
  /** Mean number of hits per query of the list (lower is more precise at equal recall). */
  meanHits: number;
}

export function compareTokenizers(talks: readonly TalkDocument[]): TokenizerFigures[] {
  const documents = searchDocuments(talks);
  const windows: { query: string; talk: string }[] = [];
  for (const document of documents) {
    for (const token of splitTokens(document.body)) {
      if (token.kind !== 'ngram') continue;
      const chars = Array.from(token.text);
      for (let i = 0; i + 1 < chars.length; i += 1) {
        windows.push({ query: chars.slice(i, i + 2).join(''), talk: document.talk });
        if (i + 2 < chars.length)
          windows.push({ query: chars.slice(i, i + 3).join(''), talk: document.talk });
      }
    }
  }
  const uniqueWindows = [...new Map(windows.map((w) => [`${w.talk}\u0000${w.query}`, w])).values()];

  return STRATEGIES.map((strategy) => {
    const options: Options<SearchDocument> = {
      ...SEARCH_OPTIONS,
      tokenize: strategyTokenize(strategy),
    };
    const miniSearch = new MiniSearch<SearchDocument>(options);
    miniSearch.addAll(documents);
    const json = JSON.stringify(miniSearch);
    // The same selection as the search box (phrase check, one title-only hit per talk).
    const search = (raw: string, limit: number) => {
      const query = strategyQuery(strategy, raw);
      return query
        ? selectHits(miniSearch.search(query), parseSearchQuery(raw), { limit }).hits
        : [];
    };
    let found = 0;
    let hits = 0;
    const missed: string[] = [];
    for (const { query, talk, section } of RECALL_QUERIES) {
      hits += search(query, Infinity).length;
      if (search(query, 10).some((hit) => hit.talkTitle === talk && hit.heading === section))
        found += 1;
      else missed.push(query);
    }
    const cjkFound = uniqueWindows.filter(({ query, talk }) =>
      search(query, Infinity).some((hit) => hit.talk === talk),
    ).length;
    return {
      strategy: strategy.name,
      terms: miniSearch.termCount,
      rawBytes: Buffer.byteLength(json),
      gzipBytes: gzipSync(json).length,
      recall: `${found}/${RECALL_QUERIES.length}`,
      missed: missed.join(' '),
      cjkRecall: `${cjkFound}/${uniqueWindows.length}`,
      meanHits: Math.round((hits / RECALL_QUERIES.length) * 10) / 10,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// A synthetic corpus (the bench's own 10,000-talk generator may replace this one).

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns `count` talks made of the shipped notes' lines, reshuffled, each line given an extra word
 * (CJK, kana or Latin) drawn from a made-up lexicon with a Zipf-like law, so the vocabulary grows
 * with the corpus and then levels off, as real notes' does.
 */
export function syntheticTalks(
  source: readonly TalkDocument[],
  count: number,
  { seed = 1, lexicon = 50_000 }: { seed?: number; lexicon?: number } = {},
): TalkDocument[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const lines = source
    .flatMap((talk) => talk.markdown.split('\n'))
    .map((line) => line.replace(/^[\s>*+-]*(\d+\.)?\s*/, '').trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('['));
  const hanPool = Array.from(new Set(lines.join('').match(/\p{Script=Han}/gu)));
  const kanaPool = Array.from(
    'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン',
  );
  const latinPool = Array.from('abcdefghijklmnopqrstuvwxyz');
  const make = (pool: readonly string[], min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(pool)).join('');
  const words = Array.from({ length: lexicon }, (_, i) =>
    i % 4 < 2 ? make(hanPool, 2, 4) : i % 4 === 2 ? make(latinPool, 4, 10) : make(kanaPool, 3, 6),
  );
  // Rank r is drawn with probability about 1/r: a few words are everywhere, most are rare.
  const word = () => words[Math.floor(Math.exp(next() * Math.log(words.length + 1))) - 1];

  const talks: TalkDocument[] = [];
  for (let t = 0; t < count; t += 1) {
    const conference = `conf-${Math.floor(t / 50)}`;
    const markdown: string[] = [];
    const outline: TalkDocument['outline'] = [];
    const sections = 2 + Math.floor(next() * 4);
    const firstLine = 10 + t * 40;
    for (let s = 0; s < sections; s += 1) {
      if (s > 0) {
        const title = `${word()} ${word()}`;
        outline.push({
          id: `section-${s}`,
          title,
          depth: 4,
          line: firstLine + 1 + markdown.length,
        });
        markdown.push(`#### ${title}`);
      }
      const items = 2 + Math.floor(next() * 6);
      for (let i = 0; i < items; i += 1) markdown.push(`- ${pick(lines)} ${word()}`);
    }
    const title = `${word()} ${word()} ${t}`;
    talks.push({
      version: DATA_VERSION,
      conference: { slug: conference, title: conference, file: `notes/${conference}.md` },
      day: { label: `${1 + (t % 3)}/1`, date: null, slug: `day-${t % 3}` },
      title,
      slug: `talk-${t}`,
      url: `/${conference}/talk-${t}`,
      status: pick(['complete', 'partial', 'empty'] as const),
      lines: [firstLine, firstLine + markdown.length],
      markdown: markdown.join('\n'),
      markdownLine: firstLine + 1,
      // Only the search index reads these documents: it takes the text from `markdown`.
      tree: { type: 'root', children: [] },
      outline,
      gaps: [],
      references: [],
    });
  }
  return talks;
}

// ---------------------------------------------------------------------------------------------

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

function printFigures(label: string, figures: SearchFigures) {
  console.log(
    `\n${label}: ${figures.talks} talks, ${figures.documents} sections, ${figures.terms} terms`,
  );
  console.table({
    'index size': { value: `${kib(figures.rawBytes)} raw, ${kib(figures.gzipBytes)} gzip` },
    'build (docs + index + JSON)': { value: ms(figures.buildMs) },
    'load (JSON.parse + loadJS)': { value: ms(figures.loadMs) },
    'heap after load': {
      value:
        figures.loadHeapBytes === null ? 'n/a (run with --expose-gc)' : kib(figures.loadHeapBytes),
    },
    [`query (${figures.query.queries} runs)`]: {
      value: `p50 ${ms(figures.query.p50Ms)}, p95 ${ms(figures.query.p95Ms)}, max ${ms(figures.query.maxMs)}`,
    },
    [`typing, every prefix (${figures.typing.queries} runs)`]: {
      value: `p50 ${ms(figures.typing.p50Ms)}, p95 ${ms(figures.typing.p95Ms)}, max ${ms(figures.typing.maxMs)}`,
    },
  });
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const syntheticCount = Number(flag('--talks') ?? 10_000);
  const jsonOut = flag('--json');

  const compiled = await compileNotes(path.join(root, 'notes'), { baseDir: root });
  const shipped = emitData(compiled).talks.map((talk) => talk.document);
  const queries = RECALL_QUERIES.map((entry) => entry.query);

  console.log(`Search figures (node ${process.version}, ${process.platform}/${process.arch})`);
  const shippedFigures = searchFigures(shipped, queries);
  printFigures('Shipped notes', shippedFigures);

  const tokenizers = compareTokenizers(shipped);
  console.log('\nCJK tokenizers on the shipped notes:');
  console.table(
    Object.fromEntries(
      tokenizers.map(({ strategy, ...rest }) => [
        strategy,
        { ...rest, rawBytes: kib(rest.rawBytes), gzipBytes: kib(rest.gzipBytes) },
      ]),
    ),
  );

  let syntheticFigures: SearchFigures | null = null;
  if (syntheticCount > 0) {
    const synthetic = syntheticTalks(shipped, syntheticCount);
    syntheticFigures = searchFigures(synthetic, queries, { rounds: 5 });
    printFigures(`Synthetic corpus`, syntheticFigures);
  }

  if (jsonOut) {
    writeFileSync(
      jsonOut,
      `${JSON.stringify({ shipped: shippedFigures, tokenizers, synthetic: syntheticFigures }, null, 2)}\n`,
    );
    console.log(`\nwrote ${jsonOut}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

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
  wordQuery,
  type HitTalk,
  type SearchDocument,
} from '../lib/search-options.ts';
import { runSearch, selectHits } from '../lib/search-run.ts';
import { memorySource } from '../lib/search-source.ts';
import { expandTree } from '../lib/expand-tree.ts';
import { sectionTexts, type SectionText } from '../lib/search-text.ts';
import { bigrams, splitTokens } from '../lib/tokenize.ts';
import { loadSearch, type ReadBytes } from './search-load.ts';

/** A talk and its sections' text, as the compiler indexes it. */
export interface IndexedTalk {
  document: TalkDocument;
  sections: readonly SectionText[];
}

function hitTalk(talk: TalkDocument): HitTalk {
  return {
    conference: talk.conference.slug,
    talk: talk.slug,
    talkTitle: talk.title,
    day: talk.day.label,
    status: talk.status,
  };
}
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
  /** All the index's files: the manifest and its chunks (gzip: each file on its own). */
  rawBytes: number;
  gzipBytes: number;
  chunks: number;
  /** The manifest, what a first search reads before any chunk. */
  manifest: ReadBytes;
  /** Past the manifest, the chunks one query of the list reads on a fresh load (median, and max). */
  firstSearch: { gzipBytes: number; maxGzipBytes: number };
  /** Building the documents and the MiniSearch index, and cutting it into files. */
  buildMs: number;
  /** Parsing the manifest and making the (empty) MiniSearch, what the app does once. */
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

async function latency(
  run: (query: string) => Promise<void>,
  queries: readonly string[],
  rounds: number,
): Promise<LatencyFigures> {
  for (const query of queries) await run(query); // warm-up: every chunk read once
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const start = performance.now();
      await run(query);
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
 * the way the search worker does (from the files, a chunk at a time; the text from the talks'
 * sections at hand), and times `runSearch` (the search box's per-keystroke work) over `queries`.
 */
export async function searchFigures(
  talks: readonly IndexedTalk[],
  queries: readonly string[],
  { rounds = 20 }: { rounds?: number } = {},
): Promise<SearchFigures> {
  const buildStart = performance.now();
  const { searchFile, files } = buildSearchIndex(
    talks.map((talk) => talk.document),
    talks.map((talk) => talk.sections),
  );
  const buildMs = performance.now() - buildStart;
  const contents = new Map(files.map((file) => [file.path, file.content]));
  const open = () =>
    loadSearch(
      { searchFile, talks: talks.map((talk) => ({ ...hitTalk(talk.document), dataFile: '' })) },
      (file) => contents.get(file)!,
      (talk) => [...talks[talk].sections],
    );

  const before = heapUsed();
  const loadStart = performance.now();
  const loaded = open();
  const loadMs = performance.now() - loadStart;
  const after = heapUsed();
  const manifest = { ...loaded.read };

  const reads: number[] = [];
  for (const query of queries) {
    const fresh = open();
    await runSearch(fresh.source, query, { limit: 10 });
    reads.push(fresh.read.gzipBytes - manifest.gzipBytes);
  }
  reads.sort((a, b) => a - b);

  const search = async (query: string) =>
    void (await runSearch(loaded.source, query, { limit: 10 }));
  return {
    talks: talks.length,
    documents: loaded.manifest.documentCount,
    terms: loaded.manifest.terms,
    rawBytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(file.content).length, 0),
    chunks: loaded.manifest.chunks.length,
    manifest,
    firstSearch: {
      gzipBytes: reads[Math.floor((reads.length - 1) / 2)] ?? 0,
      maxGzipBytes: reads.at(-1) ?? 0,
    },
    buildMs,
    loadMs,
    loadHeapBytes: before !== null && after !== null ? after - before : null,
    query: await latency(search, queries, rounds),
    typing: await latency(search, typed(queries), Math.max(1, Math.round(rounds / 4))),
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

export async function compareTokenizers(
  talks: readonly IndexedTalk[],
): Promise<TokenizerFigures[]> {
  const sections = talks.map((talk) => talk.sections);
  const { documents } = searchDocuments(
    talks.map((talk) => talk.document),
    sections,
  );
  const hitTalks = talks.map((talk) => hitTalk(talk.document));
  const windows: { query: string; talk: string }[] = [];
  for (const [t, own] of sections.entries()) {
    for (const section of own) {
      for (const token of splitTokens(section.body)) {
        if (token.kind !== 'ngram') continue;
        const chars = Array.from(token.text);
        for (let i = 0; i + 1 < chars.length; i += 1) {
          windows.push({ query: chars.slice(i, i + 2).join(''), talk: hitTalks[t].talk });
          if (i + 2 < chars.length)
            windows.push({ query: chars.slice(i, i + 3).join(''), talk: hitTalks[t].talk });
        }
      }
    }
  }
  const uniqueWindows = [...new Map(windows.map((w) => [`${w.talk}\u0000${w.query}`, w])).values()];

  const figures: TokenizerFigures[] = [];
  for (const strategy of STRATEGIES) {
    const options: Options<SearchDocument> = {
      ...SEARCH_OPTIONS,
      tokenize: strategyTokenize(strategy),
    };
    const miniSearch = new MiniSearch<SearchDocument>(options);
    miniSearch.addAll(documents);
    const json = JSON.stringify(miniSearch);
    const source = memorySource(miniSearch, hitTalks, sections);
    // The same selection as the search box (phrase check, one title-only hit per talk).
    const search = async (raw: string, limit: number) => {
      const query = strategyQuery(strategy, raw);
      if (!query) return [];
      const { selected } = await selectHits(
        source,
        miniSearch.search(query),
        parseSearchQuery(raw),
        limit,
        () => true,
      );
      return selected.map(({ result, section }) => ({
        ...source.talkOf(result.id as number),
        heading: section?.heading ?? '',
      }));
    };
    let found = 0;
    let hits = 0;
    const missed: string[] = [];
    for (const { query, talk, section } of RECALL_QUERIES) {
      hits += (await search(query, Infinity)).length;
      const top = await search(query, 10);
      if (top.some((hit) => hit.talkTitle === talk && hit.heading === section)) found += 1;
      else missed.push(query);
    }
    let cjkFound = 0;
    for (const { query, talk } of uniqueWindows) {
      if ((await search(query, Infinity)).some((hit) => hit.talk === talk)) cjkFound += 1;
    }
    figures.push({
      strategy: strategy.name,
      terms: miniSearch.termCount,
      rawBytes: Buffer.byteLength(json),
      gzipBytes: gzipSync(json).length,
      recall: `${found}/${RECALL_QUERIES.length}`,
      missed: missed.join(' '),
      cjkRecall: `${cjkFound}/${uniqueWindows.length}`,
      meanHits: Math.round((hits / RECALL_QUERIES.length) * 10) / 10,
    });
  }
  return figures;
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
  source: readonly IndexedTalk[],
  count: number,
  { seed = 1, lexicon = 50_000 }: { seed?: number; lexicon?: number } = {},
): IndexedTalk[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const lines = source
    .flatMap((talk) => talk.sections.flatMap((section) => section.body.split('\n')))
    .map((line) => line.trim())
    .filter(Boolean);
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

  const talks: IndexedTalk[] = [];
  for (let t = 0; t < count; t += 1) {
    const conference = `conf-${Math.floor(t / 50)}`;
    const markdown: string[] = [];
    const outline: TalkDocument['outline'] = [];
    const sectionTexts: SectionText[] = [];
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
      const items = Array.from(
        { length: 2 + Math.floor(next() * 6) },
        () => `${pick(lines)} ${word()}`,
      );
      for (const item of items) markdown.push(`- ${item}`);
      sectionTexts.push({
        headingId: s > 0 ? `section-${s}` : null,
        heading: s > 0 ? outline[outline.length - 1].title : '',
        body: items.join('\n'),
      });
    }
    const title = `${word()} ${word()} ${t}`;
    const document: TalkDocument = {
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
      // Only the search index reads these documents: it takes the text from `sections`.
      tree: { type: 'root', children: [] },
      outline,
      gaps: [],
      references: [],
    };
    talks.push({ document, sections: sectionTexts });
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
    'index size': {
      value: `${kib(figures.rawBytes)} raw, ${kib(figures.gzipBytes)} gzip, manifest + ${figures.chunks} chunks`,
    },
    'a first search reads': {
      value: `manifest ${kib(figures.manifest.gzipBytes)} gzip + chunks ${kib(figures.firstSearch.gzipBytes)} median, ${kib(figures.firstSearch.maxGzipBytes)} max`,
    },
    'build (docs + index + JSON)': { value: ms(figures.buildMs) },
    'load (manifest)': { value: ms(figures.loadMs) },
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
  const shipped = emitData(compiled).talks.map(({ document }) => ({
    document,
    sections: sectionTexts(expandTree(document.tree).children, document.outline),
  }));
  const queries = RECALL_QUERIES.map((entry) => entry.query);

  console.log(`Search figures (node ${process.version}, ${process.platform}/${process.arch})`);
  const shippedFigures = await searchFigures(shipped, queries);
  printFigures('Shipped notes', shippedFigures);

  const tokenizers = await compareTokenizers(shipped);
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
    syntheticFigures = await searchFigures(synthetic, queries, { rounds: 5 });
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

/**
 * One measurement of `npm run bench`, run in a fresh child process so each starts from the same
 * state and its peak RSS is its own. Prints one line of JSON (the figures) on stdout.
 *
 *   tsx src/bench/bench-child.ts baseline <notes-dir>
 *   tsx src/bench/bench-child.ts build <notes-dir> <out-dir> [edits]   (edits the notes)
 *   tsx src/bench/bench-child.ts build-no-search <notes-dir> <out-dir>
 *   node --expose-gc --import tsx src/bench/bench-child.ts search <out-dir>
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { DataBuild, type NotesIndex } from '../compiler/index.ts';
import { runSearch } from '../lib/search-run.ts';
import { loadSearch, type ReadBytes } from './search-load.ts';
import { BENCH_QUERIES } from './bench-queries.ts';

/** Figures of the single-threaded `fromMarkdown` parse of every file (the baseline). */
export interface BaselineFigures {
  files: number;
  bytes: number;
  parseMs: number;
  maxRssKb: number;
}

/** Figures of a full compile into a fresh data folder, the steps of `npm run data`. */
export interface CompileFigures {
  files: number;
  talks: number;
  /** Until the last file is read, parsed and analyzed (worker threads when big enough). */
  compileMs: number;
  /** From there to the data written: talk JSON, index, the search index's last step, writing. */
  publishMs: number;
  totalMs: number;
  /** CPU time of the whole process (all threads) over `totalMs`. */
  cpuMs: number;
  /** Worker threads the notes were compiled in (0: the main thread). */
  workers: number;
  /** Whether the search index was built in its own thread alongside. */
  searchAlongside: boolean;
  /** Peak resident set size of the process (worker threads included), after the compile. */
  maxRssKb: number;
  /** The Node flags of the process (`--import tsx` aside): `none` for the defaults. */
  flags: string;
}

/** One-file edits after the full compile, as the dev server handles them. */
export interface IncrementalFigures {
  /** Files edited; each is edited `editsPerFile` times in a row. */
  files: number;
  editsPerFile: number;
  /** The first edit of each file (`DataBuild.update`: recompiled, data written), its pieces packed since the build. */
  coldMs: number[];
  /** CPU time of this process per first edit (steadier than `coldMs` on a busy machine). */
  coldCpuMs: number[];
  /** The later edits (the file's unchanged pieces reused from its previous parse). */
  warmMs: number[];
  /** CPU time of this process per later edit. */
  warmCpuMs: number[];
  /** The recompile alone, per warm edit. */
  warmCompileMs: number[];
  /** The deferred search index rebuild after the last edit (`DataBuild.refreshPlugins`). */
  searchRefreshMs: number;
  /** Files written by the last update (the talks whose lines moved, and `index.json`). */
  written: number;
  /** Bytes of parsed pieces kept packed for first edits, right after the build. */
  packedBytes: number;
  /** Peak resident set size of the process after the edits. */
  maxRssKb: number;
}

export interface BuildFigures {
  compile: CompileFigures;
  incremental: IncrementalFigures;
}

export interface Latency {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface SearchLoadFigures {
  documents: number;
  terms: number;
  /** Chunk files the terms are cut into. */
  chunks: number;
  /** Reading and parsing the manifest and making the (empty) MiniSearch, as the app does once. */
  loadMs: number;
  /** The manifest: what every first search reads. */
  manifest: ReadBytes;
  /** Past the manifest, what one query of the list reads on a fresh load (chunks and talk files; median, with the max). */
  firstSearch: ReadBytes & { maxGzipBytes: number };
  /** The same, the query typed one character at a time (a search per key). */
  typedQuery: ReadBytes & { maxGzipBytes: number };
  /** Heap growth from loading the index (after a forced GC). */
  heapBytes: number | null;
  query: Latency;
  typing: Latency;
}

function maxRssKb(): number {
  // Linux reports kilobytes.
  return process.resourceUsage().maxRSS;
}

/** The process's Node flags but the TypeScript loader's, or `none`. */
function nodeFlags(): string {
  const flags = process.execArgv.filter(
    (flag, i, all) => flag !== '--import' && !(all[i - 1] === '--import' && flag === 'tsx'),
  );
  return flags.length === 0 ? 'none' : flags.join(' ');
}

async function noteFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => path.join(dir, n));
}

async function baseline(dir: string): Promise<BaselineFigures> {
  const texts = await Promise.all((await noteFiles(dir)).map((f) => readFile(f, 'utf8')));
  const start = performance.now();
  for (const text of texts) fromMarkdown(text);
  const parseMs = performance.now() - start;
  return {
    files: texts.length,
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    parseMs,
    maxRssKb: maxRssKb(),
  };
}

/** Adds one bullet after the first bullet of a talk near the middle: a typical edit. */
function edit(text: string, n: number): string {
  const lines = text.split('\n');
  const talks = lines.flatMap((line, i) => (line.startsWith('### ') ? [i] : []));
  const talk = talks[Math.floor(talks.length / 2) + n] ?? talks.at(-1) ?? 0;
  let at = lines.findIndex((line, i) => i > talk && line.startsWith('- '));
  if (at < 0) at = talk;
  lines.splice(at + 1, 0, `- 增量編輯 incremental edit ${n}：補上一條筆記`);
  return lines.join('\n');
}

/**
 * Compiles the notes into a fresh `out` (timed, peak RSS read right after), then edits `edits`
 * files spread over the corpus, each a few times, and times each update. Edits the notes files.
 */
async function build(
  dir: string,
  out: string,
  edits: number,
  searchIndex = true,
): Promise<BuildFigures> {
  const data = new DataBuild({ outDir: out, baseDir: dir, searchIndex });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const built = await data.build(dir);
  const totalMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  const compile: CompileFigures = {
    files: data.compiled.size,
    talks: built.talks.length,
    ...built.timings,
    totalMs,
    cpuMs: (user + system) / 1000,
    maxRssKb: maxRssKb(),
    flags: nodeFlags(),
  };

  const packedBytes = data.packedBytes;
  const files = await noteFiles(dir);
  const coldMs: number[] = [];
  const coldCpuMs: number[] = [];
  const warmMs: number[] = [];
  const warmCpuMs: number[] = [];
  const warmCompileMs: number[] = [];
  let written = 0;
  for (let f = 0; f < edits; f++) {
    // A different file each time, spread over the corpus, edited a few times in a row.
    const file = files[Math.floor(((f + 0.5) * files.length) / edits)]!;
    for (let n = 0; n < EDITS_PER_FILE; n++) {
      await writeFile(file, edit(await readFile(file, 'utf8'), n));
      const cpuBefore = process.cpuUsage();
      const begin = performance.now();
      const result = await data.update(file);
      const ms = performance.now() - begin;
      const used = process.cpuUsage(cpuBefore);
      const cpuMs = (used.user + used.system) / 1000;
      if (n === 0) {
        coldMs.push(ms);
        coldCpuMs.push(cpuMs);
      } else {
        warmMs.push(ms);
        warmCpuMs.push(cpuMs);
        warmCompileMs.push(result.timings.compileMs);
      }
      written = result.report.written.length;
    }
  }
  const begin = performance.now();
  await data.refreshPlugins();
  const searchRefreshMs = performance.now() - begin;
  return {
    compile,
    incremental: {
      files: edits,
      editsPerFile: EDITS_PER_FILE,
      coldMs,
      coldCpuMs,
      warmMs,
      warmCpuMs,
      warmCompileMs,
      searchRefreshMs,
      written,
      packedBytes,
      maxRssKb: maxRssKb(),
    },
  };
}

/** Edits of each file: the first finds nothing of the file cached, the others do. */
const EDITS_PER_FILE = 4;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function latency(
  run: (query: string) => Promise<void>,
  queries: readonly string[],
  rounds: number,
): Promise<Latency> {
  for (const query of queries) await run(query); // warm-up: every chunk and talk file read once
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      await run(query);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times.at(-1) ?? 0,
  };
}

function heapUsed(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed;
}

async function search(out: string, rounds: number): Promise<SearchLoadFigures> {
  const index = JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')) as NotesIndex;
  const open = () => loadSearch(index, (file) => readFileSync(path.join(out, file), 'utf8'));
  const before = heapUsed();
  const start = performance.now();
  const loaded = open();
  const loadMs = performance.now() - start;
  const after = heapUsed();
  const manifest = { ...loaded.read };
  const run = async (query: string) => void (await runSearch(loaded.source, query, { limit: 10 }));
  const typed = BENCH_QUERIES.flatMap((query) => {
    const chars = Array.from(query);
    return chars.map((_, i) => chars.slice(0, i + 1).join(''));
  });
  // What one query reads on a fresh load, past the manifest: typed at once, or key by key.
  const firstSearch: ReadBytes[] = [];
  const typedQuery: ReadBytes[] = [];
  for (const query of BENCH_QUERIES) {
    const whole = open();
    await runSearch(whole.source, query, { limit: 10 });
    firstSearch.push(minus(whole.read, manifest));
    const keyed = open();
    const chars = Array.from(query);
    for (let i = 1; i <= chars.length; i += 1) {
      await runSearch(keyed.source, chars.slice(0, i).join(''), { limit: 10 });
    }
    typedQuery.push(minus(keyed.read, manifest));
  }
  return {
    documents: loaded.manifest.documentCount,
    terms: loaded.manifest.terms,
    chunks: loaded.manifest.chunks.length,
    loadMs,
    heapBytes: before !== null && after !== null ? after - before : null,
    manifest,
    firstSearch: median(firstSearch),
    typedQuery: median(typedQuery),
    query: await latency(run, BENCH_QUERIES, rounds),
    typing: await latency(run, typed, Math.max(1, Math.round(rounds / 4))),
  };
}

function minus(a: ReadBytes, b: ReadBytes): ReadBytes {
  return {
    files: a.files - b.files,
    rawBytes: a.rawBytes - b.rawBytes,
    gzipBytes: a.gzipBytes - b.gzipBytes,
  };
}

/** The read with the median gzip bytes (the lower one of an even count). */
function median(reads: ReadBytes[]): ReadBytes & { maxGzipBytes: number } {
  const sorted = [...reads].sort((a, b) => a.gzipBytes - b.gzipBytes);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], maxGzipBytes: sorted.at(-1)!.gzipBytes };
}

async function main(): Promise<unknown> {
  const [mode, a, b, c] = process.argv.slice(2);
  if (mode === 'baseline' && a) return baseline(a);
  if (mode === 'build' && a && b) return build(a, b, Number(c ?? 5));
  if (mode === 'build-no-search' && a && b) return build(a, b, 0, false);
  if (mode === 'search' && a) return search(a, Number(b ?? 10));
  throw new Error(
    `Unexpected arguments \`${process.argv.slice(2).join(' ')}\`, expected baseline <notes> | build <notes> <out> [edits] | build-no-search <notes> <out> | search <out> [rounds]`,
  );
}

main().then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error: unknown) => {
    process.stderr.write(`bench-child: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

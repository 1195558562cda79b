/**
 * `npm run bench`: every scale and speed figure of the reader in one table, with ratios where a
 * baseline is measured in the same run (the raw `mdast-util-from-markdown` parse for the
 * compiler, VitePress for the app), written to a JSON file as well. A benchmark, not a test: it
 * never fails on a number, only when it cannot run at all.
 *
 *   npm run bench                       # 200 conferences × 50 talks = 10,000 talks
 *   npm run bench -- --quick            # 20 × 50: checks that it all runs
 *   npm run bench -- --repeat 3         # baseline and build 3 times each, medians
 *   npm run bench -- --conferences 100 --talks 50 --edits 5 --rounds 10 --json out.json
 *   npm run bench -- --no-browser       # skip the browser figures
 *   npm run bench -- --keep             # keep the corpus and data folders (paths printed)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { NotesIndex } from '../compiler/contract.ts';
import type { BaselineFigures, BuildFigures, SearchLoadFigures } from './bench-child.ts';
import type { AppFigures, BenchRow } from './bench-types.ts';
import { writeCorpus } from './generate-corpus.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

interface Options {
  conferences: number;
  talks: number;
  edits: number;
  rounds: number;
  repeat: number;
  quick: boolean;
  browser: boolean;
  keep: boolean;
  json: string;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`Unexpected \`${name} ${raw}\`, expected a positive whole number`);
    return n;
  };
  return {
    conferences: number('--conferences', quick ? 20 : 200),
    talks: number('--talks', 50),
    edits: number('--edits', quick ? 3 : 5),
    rounds: number('--rounds', quick ? 3 : 10),
    repeat: number('--repeat', 1),
    quick,
    browser: !argv.includes('--no-browser'),
    keep: argv.includes('--keep'),
    json: path.resolve(value('--json') ?? path.join(root, 'bench/results/latest.json')),
  };
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Runs `bench-child.ts` in a fresh Node process and returns the JSON it prints. */
function child<T>(args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [...nodeFlags, '--import', 'tsx', path.join(here, 'bench-child.ts'), ...args],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`bench-child ${args[0]} exited with ${code}`));
      else {
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`Unexpected output of bench-child ${args[0]}: ${last.slice(0, 200)}`));
        }
      }
    });
  });
}

interface SizeFigures {
  files: number;
  rawBytes: number;
  /** Sum of each file gzipped on its own (what a server sends, file by file). */
  gzipBytes: number;
  index: { rawBytes: number; gzipBytes: number };
  search: { rawBytes: number; gzipBytes: number } | null;
  /** The talk files (`talks/`). */
  talks: { files: number; rawBytes: number; gzipBytes: number };
}

async function sizes(dir: string): Promise<SizeFigures> {
  const figures: SizeFigures = {
    files: 0,
    rawBytes: 0,
    gzipBytes: 0,
    index: { rawBytes: 0, gzipBytes: 0 },
    search: null,
    talks: { files: 0, rawBytes: 0, gzipBytes: 0 },
  };
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as NotesIndex;
  // The search index is its manifest and the chunks beside it, in one folder.
  const searchFolder = index.searchFile?.slice(0, index.searchFile.lastIndexOf('/') + 1);
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await walk(child);
        continue;
      }
      const bytes = await readFile(path.join(dir, child));
      const gzip = gzipSync(bytes).length;
      figures.files++;
      figures.rawBytes += bytes.length;
      figures.gzipBytes += gzip;
      if (child === 'index.json') figures.index = { rawBytes: bytes.length, gzipBytes: gzip };
      if (searchFolder && child.startsWith(searchFolder)) {
        figures.search ??= { rawBytes: 0, gzipBytes: 0 };
        figures.search.rawBytes += bytes.length;
        figures.search.gzipBytes += gzip;
      }
      if (child.startsWith('talks/')) {
        figures.talks.files++;
        figures.talks.rawBytes += bytes.length;
        figures.talks.gzipBytes += gzip;
      }
    }
  };
  await walk('');
  return figures;
}

/** What a compile ran with, said plainly beside its time: threads and Node flags. */
function compileSetup(compile: BuildFigures['compile']): string {
  const threads = compile.workers === 0 ? 'the main thread' : `${compile.workers} worker threads`;
  const search = compile.searchAlongside ? ', the search index in a worker thread alongside' : '';
  return `notes compiled on ${threads}${search}; Node flags: ${compile.flags}`;
}

/** The item whose `key` is the median (the lower one of an even count). */
function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const KiB = 1024;
const MiB = 1024 * 1024;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function format(value: number | string | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return unit ? `${text} ${unit}` : text;
}

function ratio(row: BenchRow): string {
  if (typeof row.ours !== 'number' || typeof row.baseline !== 'number' || row.baseline === 0)
    return '—';
  return `${(row.ours / row.baseline).toFixed(2)} ×`;
}

/** The table as Markdown (the README keeps the latest one). */
function table(rows: readonly BenchRow[]): string {
  const head = ['measure', 'ours', 'baseline', 'ratio', 'goal', 'met?'];
  const body = rows.map((row) => [
    row.note ? `${row.measure} (${row.note})` : row.measure,
    format(row.ours, row.unit),
    format(row.baseline, row.unit),
    ratio(row),
    row.goal,
    row.met === null ? '—' : row.met ? 'yes' : 'no',
  ]);
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

/**
 * How many cores' worth of CPU the bench can use right now: a fixed loop timed on one thread,
 * then on one thread per core at once. 2.0 on an idle 2-core machine; about 1.0 when something
 * else keeps a core busy, and then no amount of threads can make the compile faster.
 */
async function parallelCapacity(): Promise<number> {
  const loop = `let x = 0; const t = performance.now(); for (let i = 0; i < 1e8; i++) x = (x * 31 + i) | 0; require('node:worker_threads').parentPort.postMessage(performance.now() - t + (x & 0));`;
  const run = () =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(loop, { eval: true });
      worker.once('message', (ms: number) => resolve(ms));
      worker.once('error', reject);
    });
  const one = await run();
  const cores = os.availableParallelism();
  const all = await Promise.all(Array.from({ length: cores }, run));
  return round((cores * one) / Math.max(...all), 2);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    loadAverage: os.loadavg().map((n) => round(n, 2)),
  };
}

async function appFigures(options: Options, corpusDir: string): Promise<BenchRow[]> {
  const file = path.join(here, 'app-figures.ts');
  if (!options.browser) {
    return [
      {
        measure: 'browser figures',
        ours: null,
        goal: '—',
        met: null,
        note: 'skipped (--no-browser)',
      },
    ];
  }
  if (!existsSync(file)) {
    return [
      {
        measure: 'browser figures',
        ours: null,
        goal: '—',
        met: null,
        note: 'src/bench/app-figures.ts not found',
      },
    ];
  }
  try {
    const module = (await import(file)) as { appFigures?: AppFigures };
    if (typeof module.appFigures !== 'function') throw new Error('no `appFigures` export');
    return await module.appFigures({
      corpusDir,
      conferences: options.conferences,
      talks: options.talks,
      quick: options.quick,
      log,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`browser figures failed: ${reason}`);
    return [
      {
        measure: 'browser figures',
        ours: null,
        goal: '—',
        met: null,
        note: `could not run: ${reason.split('\n')[0]}`,
      },
    ];
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const began = performance.now();
  const before = machine();
  const capacity = { before: await parallelCapacity(), after: 0 };
  log(
    `${options.conferences} × ${options.talks} talks on ${before.cores} cores (${before.cpu}), node ${before.node}; CPU free now: ${capacity.before} cores' worth`,
  );

  const work = await mkdtemp(path.join(os.tmpdir(), 'notes-bench-'));
  const corpusDir = path.join(work, 'notes');
  const dataDir = path.join(work, 'data');
  const editDir = path.join(work, 'notes-edited');
  try {
    const generateStart = performance.now();
    const corpus = await writeCorpus({
      conferences: options.conferences,
      talks: options.talks,
      dir: corpusDir,
    });
    const generateMs = performance.now() - generateStart;
    log(
      `corpus: ${corpus.files.length} files, ${corpus.talks} talks, ${format(corpus.bytes / MiB)} MiB in ${format(generateMs)} ms → ${corpusDir}`,
    );

    // Baseline and build alternate, `--repeat` times: on a shared machine the median of a few
    // pairs is steadier than one.
    const baselines: BaselineFigures[] = [];
    const builds: BuildFigures[] = [];
    for (let run = 1; run <= options.repeat; run++) {
      const of = options.repeat > 1 ? ` (run ${run} of ${options.repeat})` : '';
      log(`baseline${of}: fromMarkdown over every file, one thread…`);
      const baseline = await child<BaselineFigures>(['baseline', corpusDir]);
      baselines.push(baseline);
      log(`baseline: ${format(baseline.parseMs)} ms`);

      // The build edits notes files: give it a copy, so the browser figures see the corpus as generated.
      await rm(editDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
      await cp(corpusDir, editDir, { recursive: true });
      log(`compile${of}: full build into a fresh data folder, then one-file edits…`);
      const built = await child<BuildFigures>(['build', editDir, dataDir, String(options.edits)]);
      builds.push(built);
      log(
        `compile: ${format(built.compile.totalMs)} ms; edits: first ${built.incremental.coldMs.map((n) => format(n)).join(', ')} ms, then ${built.incremental.warmMs.map((n) => format(n)).join(', ')} ms`,
      );
    }
    // The same build without the search index: what the compiler itself costs.
    const bareDir = path.join(work, 'data-no-search');
    log('compile: full build without the search index…');
    const bare = (await child<BuildFigures>(['build-no-search', corpusDir, bareDir])).compile;
    log(`compile without the search index: ${format(bare.totalMs)} ms`);
    await rm(bareDir, { recursive: true, force: true });

    const baseline = medianBy(baselines, (b) => b.parseMs);
    const compile = medianBy(
      builds.map((b) => b.compile),
      (c) => c.totalMs,
    );
    const incremental = {
      ...builds[0]!.incremental,
      coldMs: builds.flatMap((b) => b.incremental.coldMs),
      warmMs: builds.flatMap((b) => b.incremental.warmMs),
      warmCompileMs: builds.flatMap((b) => b.incremental.warmCompileMs),
      searchRefreshMs: median(builds.map((b) => b.incremental.searchRefreshMs)),
    };
    const runs = options.repeat > 1 ? `median of ${options.repeat} runs; ` : '';

    const size = await sizes(dataDir);
    log('search: load the index and time the queries…');
    const search = await child<SearchLoadFigures>(
      ['search', dataDir, String(options.rounds)],
      ['--expose-gc'],
    );

    const app = await appFigures(options, corpusDir);

    const rows: BenchRow[] = [
      {
        measure: 'synthetic corpus',
        ours: `${corpus.files.length} files, ${corpus.talks.toLocaleString('en-US')} talks, ${format(corpus.bytes / MiB, 'MiB')}`,
        goal: '—',
        met: null,
      },
      {
        measure:
          'compile the whole corpus to data (read, parse, analyze, talk JSON, search index, write)',
        ours: compile.totalMs,
        baseline: baseline.parseMs,
        unit: 'ms',
        goal: '≤ 0.8 × baseline',
        met: compile.totalMs <= 0.8 * baseline.parseMs,
        note: `${runs}ours: ${compileSetup(compile)}; baseline: single-threaded mdast-util-from-markdown parse of the same files, read beforehand, default Node flags`,
      },
      {
        measure: 'compile the whole corpus to data without the search index',
        ours: bare.totalMs,
        baseline: baseline.parseMs,
        unit: 'ms',
        goal: '≤ 0.8 × baseline',
        met: bare.totalMs <= 0.8 * baseline.parseMs,
        note: `one run; ${compileSetup(bare)}; CPU time ${format(bare.cpuMs)} ms`,
      },
      {
        measure: '… of which until the last file is parsed and analyzed (worker threads)',
        ours: compile.compileMs,
        baseline: baseline.parseMs,
        unit: 'ms',
        goal: '—',
        met: null,
        note: `${compile.workers} compile threads${compile.searchAlongside ? ' and the search index in a third' : ''}; CPU time of the whole build: ${format(compile.cpuMs)} ms`,
      },
      {
        measure: '… of which the rest: talk JSON, index, search index, writing',
        ours: compile.publishMs,
        unit: 'ms',
        goal: '—',
        met: null,
      },
      {
        measure: 'one-file change → recompiled and written, file edited before',
        ours: median(incremental.warmMs),
        unit: 'ms',
        goal: '≤ 100 ms',
        met: median(incremental.warmMs) <= 100,
        note: `median of ${incremental.warmMs.length} edits (${incremental.files} files × ${incremental.editsPerFile - 1}), max ${format(Math.max(...incremental.warmMs))} ms, CPU time median ${format(median(incremental.warmCpuMs))} ms; the recompile alone: median ${format(median(incremental.warmCompileMs))} ms; ${incremental.written} files written`,
      },
      {
        measure: 'one-file change → recompiled and written, first edit of the file',
        ours: median(incremental.coldMs),
        unit: 'ms',
        goal: '≤ 100 ms',
        met: median(incremental.coldMs) <= 100,
        note: `median of ${incremental.coldMs.length} files, max ${format(Math.max(...incremental.coldMs))} ms, CPU time median ${format(median(incremental.coldCpuMs))} ms: the file's unchanged pieces unpacked, not parsed`,
      },
      {
        measure: "memory kept for first edits: every file's parsed pieces, packed",
        ours: incremental.packedBytes / MiB,
        unit: 'MiB',
        goal: 'reported',
        met: null,
        note: `outside the JS heap; peak RSS after the edits ${format(incremental.maxRssKb / KiB)} MiB`,
      },
      {
        measure: 'search index brought up to date after an edit (deferred)',
        ours: incremental.searchRefreshMs,
        unit: 'ms',
        goal: 'reported',
        met: null,
      },
      {
        measure: 'output: data folder / notes size',
        ours: size.rawBytes / MiB,
        baseline: corpus.bytes / MiB,
        unit: 'MiB',
        goal: '≤ 4 ×',
        met: size.rawBytes <= 4 * corpus.bytes,
        note: `${size.files.toLocaleString('en-US')} files, ${format(size.gzipBytes / MiB)} MiB gzip; baseline: the notes`,
      },
      {
        measure: '… without the search index',
        ours: (size.rawBytes - (size.search?.rawBytes ?? 0)) / MiB,
        baseline: corpus.bytes / MiB,
        unit: 'MiB',
        goal: 'reported',
        met: null,
      },
      {
        measure: '… of which the talk files',
        ours: size.talks.rawBytes / MiB,
        baseline: corpus.bytes / MiB,
        unit: 'MiB',
        goal: 'reported',
        met: null,
        note: `${size.talks.files.toLocaleString('en-US')} files, ${format(size.talks.gzipBytes / MiB)} MiB gzip`,
      },
      {
        measure: 'output: index.json',
        ours: size.index.rawBytes / KiB,
        unit: 'KiB',
        goal: 'reported',
        met: null,
        note: `${format(size.index.gzipBytes / KiB)} KiB gzip`,
      },
      {
        measure: 'output: search index',
        ours: size.search ? size.search.rawBytes / KiB : null,
        unit: 'KiB',
        goal: 'reported',
        met: null,
        note: size.search ? `${format(size.search.gzipBytes / KiB)} KiB gzip` : 'none written',
      },
      {
        measure: 'peak RSS of the compile',
        ours: compile.maxRssKb / KiB,
        unit: 'MiB',
        goal: 'reported',
        met: null,
        note: 'whole process, worker threads included',
      },
      {
        measure: 'search: load the manifest (JSON.parse + an empty MiniSearch, Node)',
        ours: search.loadMs,
        unit: 'ms',
        goal: 'reported',
        met: null,
        note: `${search.documents.toLocaleString('en-US')} sections, ${search.terms.toLocaleString('en-US')} terms in ${search.chunks.toLocaleString('en-US')} chunks`,
      },
      {
        measure: 'search: bytes a first search fetches (manifest + chunks + talk files, gzip)',
        ours: (search.manifest.gzipBytes + search.firstSearch.gzipBytes) / KiB,
        unit: 'KiB',
        goal: 'reported',
        met: null,
        note: `manifest ${format(search.manifest.gzipBytes / KiB)} KiB + ${format(search.firstSearch.gzipBytes / KiB)} KiB median (max ${format(search.firstSearch.maxGzipBytes / KiB)}) for one query of the list; typed key by key ${format(search.typedQuery.gzipBytes / KiB)} KiB median (max ${format(search.typedQuery.maxGzipBytes / KiB)})`,
      },
      {
        measure: 'search: p95 per query (Node)',
        ours: search.query.p95Ms,
        unit: 'ms',
        goal: '≤ 30 ms',
        met: search.query.p95Ms <= 30,
        note: `${search.query.runs} runs of ${search.query.runs / (options.rounds || 1)} queries; p50 ${format(search.query.p50Ms)} ms, max ${format(search.query.maxMs)} ms`,
      },
      {
        measure: 'search: p95 per keystroke, every prefix of every query (Node)',
        ours: search.typing.p95Ms,
        unit: 'ms',
        goal: '≤ 30 ms',
        met: search.typing.p95Ms <= 30,
        note: `${search.typing.runs} runs; p50 ${format(search.typing.p50Ms)} ms, max ${format(search.typing.maxMs)} ms`,
      },
      {
        measure: 'search: JS heap after loading the index (Node)',
        ours: search.heapBytes === null ? null : search.heapBytes / MiB,
        unit: 'MiB',
        goal: 'reported',
        met: null,
      },
      ...app,
    ];

    const after = machine();
    capacity.after = await parallelCapacity();
    const totalMs = performance.now() - began;
    const markdown = table(rows);
    process.stdout.write(
      `\n${markdown}\n\nMachine: ${before.cpu}, ${before.cores} cores, ${before.memoryGiB} GiB, node ${before.node} (${before.platform}); load average ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after; CPU free for the bench: ${capacity.before} cores' worth before, ${capacity.after} after. Bench time ${format(totalMs / 1000)} s.\n`,
    );
    await mkdir(path.dirname(options.json), { recursive: true });
    await writeFile(
      options.json,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { ...before, loadAverageAfter: after.loadAverage, capacity },
          options,
          benchMs: totalMs,
          corpus: {
            files: corpus.files.length,
            talks: corpus.talks,
            bytes: corpus.bytes,
            generateMs,
          },
          baseline,
          compile,
          incremental,
          withoutSearchIndex: bare,
          runs: { baselines, builds },
          output: size,
          search,
          rows,
          table: markdown,
        },
        null,
        2,
      )}\n`,
    );
    log(`wrote ${path.relative(process.cwd(), options.json) || options.json}`);
  } finally {
    if (options.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

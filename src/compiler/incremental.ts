import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompileOptions } from './compile.ts';
import {
  compileFile,
  compileNoteFiles,
  findNotes,
  notesBytes,
  PARALLEL_ABOVE,
  workersFor,
  type CompileNotesOptions,
} from './compile-notes.ts';
import { emitData, type EmitPlugin, type EmitResult } from './emit.ts';
import type { CompiledFile } from './model.ts';
import { livePieces, type PieceCache } from './parse.ts';
import { PackedPieces } from './piece-store.ts';
import { searchIndexPlugin } from './search-index.ts';
import { SearchIndexer } from './search-indexer.ts';
import { writeDataFiles, type WriteReport } from './write.ts';

export interface DataBuildOptions extends CompileOptions {
  /** Data folder to keep up to date. */
  outDir: string;
  /** Folder that notes paths are shown relative to (default: the working directory). */
  baseDir?: string;
  /**
   * Also write the search index (`searchIndexPlugin`). `build` makes it in a worker thread
   * while the notes compile when they are big; `update` leaves the last one in place and
   * `refreshPlugins` brings it up to date, so an edit is not held up by work that grows with the
   * whole corpus.
   */
  searchIndex?: boolean;
  /** Other emit plugins; run like the search index (not in `update`, again in `refreshPlugins`). */
  plugins?: readonly EmitPlugin[];
  /** Worker threads for `build` (see `CompileNotesOptions.workers`). */
  workers?: CompileNotesOptions['workers'];
  /**
   * Whether `build` makes the search index in its own thread while the notes compile;
   * `'auto'` (default): when they are compiled in workers or weigh `PARALLEL_ABOVE` or more.
   */
  searchThread?: boolean | 'auto';
  /**
   * How `build` keeps each file's parsed pieces, so that even the first edit of a file parses
   * only what it touched: `'live'` the nodes, `'packed'` packed (`PackedPieces`), `'auto'`
   * (default, the dev server) live below `KEEP_PARSED_BELOW` bytes of notes, else packed; false
   * keeps none (`npm run data` builds once). Files compiled in worker threads keep none.
   */
  keepParsed?: 'auto' | 'live' | 'packed' | false;
}

/** Where the time of the last `build`, `update` or `refreshPlugins` went, in milliseconds. */
export interface DataTimings {
  /** Reading, parsing and analyzing the notes (0 for `refreshPlugins`). */
  compileMs: number;
  /** From the last file compiled to the data written: talk JSON, index, plugins, writing. */
  publishMs: number;
  /** Worker threads the notes were compiled in (0: this thread). */
  workers: number;
  /** Whether the search index was built in its own thread while the notes compiled. */
  searchAlongside: boolean;
}

export type DataResult = EmitResult & { report: WriteReport; timings: DataTimings };

/**
 * Characters a piece of a notes file grows to before it may end at a heading (about one talk):
 * micromark costs more than linearly in the size of what it parses (pieces take about a third
 * less CPU than whole files of 100 KB), and an edit parses again only the piece it touched.
 */
const PIECE_SIZE = 1024;

/**
 * Notes smaller than this keep every file's parsed nodes after `build` (some tens of MB at most);
 * bigger ones keep them packed (mdast takes tens of bytes of heap per source byte).
 */
const KEEP_PARSED_BELOW = 1024 * 1024;

const cores = () => os.availableParallelism();

/**
 * The data folder of a set of notes files: built whole (`build`, what `npm run data` does), then
 * kept up to date one file at a time (`update`, the Vite plugin's dev loop). Holds each file's
 * compiled model and the bytes it last wrote, so an update compiles the one file that changed,
 * re-serializes only its talks (emit memoizes the others) and writes only files whose bytes
 * changed, without reading or listing the folder. Calls must not overlap: queue them.
 */
export class DataBuild {
  /** Compiled model of each notes file, by absolute path. */
  readonly compiled = new Map<string, CompiledFile>();
  private readonly options: DataBuildOptions;
  /** What is on disk from this build: data path → content. */
  private written: Map<string, string> | null = null;
  /** Plugin files on disk and the `searchFile` they set, kept while updates have not refreshed them. */
  private pluginFiles: string[] = [];
  private searchFile: string | null = null;
  private stale = false;
  /** Parsed pieces of each file compiled on this thread (see `ParseOptions.cache`). */
  private readonly parsed = new Map<string, PieceCache>();
  /** How the pieces of files compiled on this thread are kept (decided by `build`). */
  private keep: 'live' | 'packed' | null = null;
  /** The file last updated, whose packed pieces are also kept live for its next edit. */
  private edited: PackedPieces | null = null;

  constructor(options: DataBuildOptions) {
    this.options = options;
  }

  /** Bytes of the parsed pieces kept packed for the next edits (outside the JS heap). */
  get packedBytes(): number {
    let bytes = 0;
    for (const cache of this.parsed.values())
      if (cache instanceof PackedPieces) bytes += cache.bytes;
    return bytes;
  }

  /** Whether an `update` happened since the plugins last ran. */
  get pluginsStale(): boolean {
    return this.stale;
  }

  private get plugins(): EmitPlugin[] {
    const plugins = [...(this.options.plugins ?? [])];
    if (this.options.searchIndex) plugins.push(searchIndexPlugin);
    return plugins;
  }

  /**
   * Compiles every notes file of `target`, writes all the data, plugins included, into the
   * folder (removing `.json` files it no longer produces) and returns it. Notes of
   * `PARALLEL_ABOVE` bytes or more get their search index built by another thread while this
   * one compiles (and compile workers on machines with cores to spare, see
   * `CompileNotesOptions.workers`). Throws when `target` does not exist.
   */
  async build(target: string): Promise<DataResult> {
    const start = performance.now();
    const files = await findNotes(target, this.options.baseDir);
    const options = this.compileOptions(this.options.workers ?? 'auto');
    const workers = await workersFor(files, options.workers);
    const bytes = await notesBytes(files, Math.max(PARALLEL_ABOVE, KEEP_PARSED_BELOW));
    // Big notes: the search index is built by another thread while this one or the workers compile.
    const thread = this.options.searchThread ?? 'auto';
    const alongside =
      this.options.searchIndex &&
      (thread === 'auto' ? workers > 0 || (bytes >= PARALLEL_ABOVE && cores() > 1) : thread);
    const indexer = alongside ? await SearchIndexer.start({ outDir: this.options.outDir }) : null;
    try {
      this.compiled.clear();
      this.parsed.clear();
      this.edited = null;
      const keep = this.options.keepParsed ?? 'auto';
      this.keep = keep === 'auto' ? (bytes < KEEP_PARSED_BELOW ? 'live' : 'packed') : keep || null;
      if (workers > 0) {
        const models = await compileNoteFiles(files, {
          ...options,
          onCompiled: indexer ? (i, c) => indexer.accept(i, c) : undefined,
        });
        files.forEach((file, i) => this.compiled.set(path.resolve(file), models[i]!));
      } else {
        // Kept parsed pieces let even the first edit of a file parse only what it touched; on
        // the heap for small notes, packed for big ones (live nodes would take gigabytes).
        for (const [i, file] of files.entries()) {
          const compiled = await this.compile(file, this.newCache());
          this.compiled.set(path.resolve(file), compiled);
          indexer?.accept(i, compiled);
        }
      }
      const compileMs = performance.now() - start;
      if (!indexer) return await this.publish(true, compileMs, { workers });

      // The index serializes in its worker while the talk files are written: by the worker
      // as each file was compiled; here, those it did not write as they are now (another slug).
      indexer.serialize(files.length);
      const ordered = this.ordered();
      const draft = emitData(ordered);
      const talkFiles = draft.files.filter((f) => f.path !== 'index.json');
      const ahead = await indexer.flushWrites();
      const previous = new Map(this.written ?? []);
      const contents = new Map(talkFiles.map((f) => [f.path, f.content]));
      for (const p of [...(ahead?.written ?? []), ...(ahead?.unchanged ?? [])]) {
        const content = contents.get(p);
        if (content !== undefined) previous.set(p, content);
      }
      const first = await writeDataFiles(this.options.outDir, talkFiles, {
        previous,
        prune: 'none',
      });
      // Written under a slug the whole emit did not give: no index will ever name them.
      const strays = (ahead?.written ?? []).filter((p) => !contents.has(p));
      await Promise.all(strays.map((p) => rm(path.join(this.options.outDir, p), { force: true })));
      const aheadWritten = new Set(ahead?.written);
      first.unchanged = first.unchanged.filter((p) => !aheadWritten.has(p));
      first.written.push(...talkFiles.map((f) => f.path).filter((p) => aheadWritten.has(p)));
      const written = new Map(this.written ?? []);
      for (const f of talkFiles) written.set(f.path, f.content);
      const alongside = await indexer.plugin(draft.talks);
      const plugins = [...(this.options.plugins ?? []), alongside ?? searchIndexPlugin];
      const result = await this.publish(true, compileMs, {
        plugins,
        written,
        workers,
        searchAlongside: alongside !== null,
      });
      const { report } = result;
      report.written = [...first.written, ...report.written];
      const fresh = new Set(first.written);
      report.unchanged = [...first.unchanged, ...report.unchanged.filter((p) => !fresh.has(p))];
      result.timings.publishMs = performance.now() - start - compileMs;
      return result;
    } finally {
      await indexer?.close();
    }
  }

  /**
   * Recompiles one notes file (or forgets it when `removed`), writes what changed and returns
   * the new data. Plugin files are left as they were (`index.searchFile` kept) until
   * `refreshPlugins`.
   */
  async update(file: string, { removed = false }: { removed?: boolean } = {}): Promise<DataResult> {
    const start = performance.now();
    const key = path.resolve(file);
    if (removed) {
      this.compiled.delete(key);
      if (this.edited === this.parsed.get(key)) this.edited = null;
      this.parsed.delete(key);
    } else {
      this.compiled.set(key, await this.compile(key, this.editing(key)));
    }
    const compileMs = performance.now() - start;
    if (this.plugins.length === 0) return this.publish(true, compileMs);
    this.stale = true;
    return this.publish(false, compileMs);
  }

  /** Runs the plugins over the current data and writes their files; null when nothing changed since. */
  async refreshPlugins(): Promise<DataResult | null> {
    if (!this.stale) return null;
    return this.publish(true, 0);
  }

  /** Returns the piece cache of a file being edited, its nodes kept live from now on. Mutates the caches. */
  private editing(key: string): PieceCache {
    let cache = this.parsed.get(key);
    if (!cache)
      this.parsed.set(key, (cache = this.keep === 'live' ? livePieces() : new PackedPieces()));
    if (cache instanceof PackedPieces && cache !== this.edited) {
      // One file's nodes at a time: the one being edited is edited again most likely.
      if (this.edited) this.edited.live = false;
      cache.live = true;
      this.edited = cache;
    }
    return cache;
  }

  /** Returns an empty piece cache of the kind this build keeps, or undefined when it keeps none. */
  private newCache(): PieceCache | undefined {
    if (this.keep === null) return undefined;
    return this.keep === 'live' ? livePieces() : new PackedPieces();
  }

  /** Compiles one file on this thread, its parsed pieces kept in `cache` when given. */
  private async compile(file: string, cache?: PieceCache): Promise<CompiledFile> {
    const key = path.resolve(file);
    const options = this.compileOptions(0);
    if (!cache) return compileFile(key, options);
    this.parsed.set(key, cache);
    return compileFile(key, { ...options, parse: { ...options.parse, cache } });
  }

  private compileOptions(workers: CompileNotesOptions['workers']): CompileNotesOptions {
    const { baseDir, defaultLevels } = this.options;
    return {
      baseDir,
      defaultLevels,
      // The search index takes each talk's text from this compile instead of parsing it again.
      searchSections: this.options.searchIndex,
      parse: { chunkAbove: 0, pieceSize: PIECE_SIZE },
      workers,
    };
  }

  private ordered(): CompiledFile[] {
    return [...this.compiled.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => this.compiled.get(k)!);
  }

  private async publish(
    withPlugins: boolean,
    compileMs: number,
    given: {
      plugins?: EmitPlugin[];
      written?: Map<string, string>;
      workers?: number;
      searchAlongside?: boolean;
    } = {},
  ): Promise<DataResult> {
    const start = performance.now();
    const keepSearchFile: EmitPlugin = ({ index }) => {
      index.searchFile = this.searchFile;
      return [];
    };
    const plugins = withPlugins ? (given.plugins ?? this.plugins) : [keepSearchFile];
    const result = emitData(this.ordered(), { plugins });
    const keep = withPlugins ? [] : this.pluginFiles;
    const previous = given.written ?? this.written ?? undefined;
    const report = await writeDataFiles(this.options.outDir, result.files, {
      previous,
      keep,
      // The first write of this build looks for stale files in the folder itself.
      prune: this.written ? 'previous' : 'folder',
    });
    const written = new Map(result.files.map((f) => [f.path, f.content]));
    for (const p of keep) {
      const content = this.written?.get(p);
      if (content !== undefined) written.set(p, content);
    }
    this.written = written;
    if (withPlugins) {
      const own = new Set(result.talks.map((t) => t.path).concat('index.json'));
      this.pluginFiles = result.files.map((f) => f.path).filter((p) => !own.has(p));
      this.searchFile = result.index.searchFile;
      this.stale = false;
    }
    const timings: DataTimings = {
      compileMs,
      publishMs: performance.now() - start,
      workers: given.workers ?? 0,
      searchAlongside: given.searchAlongside ?? false,
    };
    return { ...result, report, timings };
  }
}

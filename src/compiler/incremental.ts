import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompileOptions } from './compile.ts';
import { compileFile, compileNoteFiles, type CompileNotesOptions } from './compile-notes.ts';
import { emitData, type EmitPlugin, type EmitResult } from './emit.ts';
import type { CompiledFile } from './model.ts';
import { findNoteFiles } from './read-notes.ts';
import { writeDataFiles, type WriteReport } from './write.ts';

export interface DataBuildOptions extends CompileOptions {
  /** Data folder to keep up to date. */
  outDir: string;
  /** Folder that notes paths are shown relative to (default: the working directory). */
  baseDir?: string;
  /**
   * Emit plugins (the search index). `build` runs them; `update` leaves their last files in
   * place and `refreshPlugins` brings them up to date, so an edit is not held up by work that
   * grows with the whole corpus.
   */
  plugins?: readonly EmitPlugin[];
  /** Worker threads for `build` (see `CompileNotesOptions.workers`). */
  workers?: CompileNotesOptions['workers'];
}

/** Where the time of the last `build`, `update` or `refreshPlugins` went, in milliseconds. */
export interface DataTimings {
  /** Reading, parsing and analyzing the notes (0 for `refreshPlugins`). */
  compileMs: number;
  /** Talk documents, their JSON and hashes, the index, and the plugins that ran. */
  emitMs: number;
  /** Writing what changed, removing what went. */
  writeMs: number;
}

export type DataResult = EmitResult & { report: WriteReport; timings: DataTimings };

/**
 * The data folder of a set of notes files, kept up to date one file at a time (the Vite plugin's
 * dev loop). Holds each file's compiled model and the bytes it last wrote, so an update compiles
 * the one file that changed, re-serializes only its talks (emit memoizes the rest) and writes
 * only files whose bytes changed, without reading or listing the folder. Not safe for
 * overlapping calls: queue them.
 */
export class DataBuild {
  /** Compiled model of each notes file, by absolute path. */
  readonly compiled = new Map<string, CompiledFile>();
  private readonly options: DataBuildOptions;
  /** What is on disk from this build: data path → content. */
  private written: Map<string, string> | null = null;
  /** Plugin files on disk and the `searchFile` they set, while an update has not refreshed them. */
  private pluginFiles: string[] = [];
  private searchFile: string | null = null;
  private stale = false;

  constructor(options: DataBuildOptions) {
    this.options = options;
  }

  /** Whether an `update` happened since the plugins last ran. */
  get pluginsStale(): boolean {
    return this.stale;
  }

  /**
   * Compiles every notes file of `target` (in worker threads when they are big enough), writes
   * all the data, plugins included, and returns it. Throws when `target` does not exist.
   */
  async build(target: string): Promise<DataResult> {
    const start = performance.now();
    const files = await findNoteFiles(target);
    const models = await compileNoteFiles(files, this.compileOptions(this.options.workers));
    this.compiled.clear();
    files.forEach((file, i) => this.compiled.set(path.resolve(file), models[i]!));
    return this.publish(true, performance.now() - start);
  }

  /**
   * Recompiles one notes file (or forgets it when `removed`), writes what changed and returns
   * the new data. Plugin files are left as they were (their `index.searchFile` kept) until
   * `refreshPlugins`.
   */
  async update(file: string, { removed = false }: { removed?: boolean } = {}): Promise<DataResult> {
    const start = performance.now();
    const key = path.resolve(file);
    if (removed) this.compiled.delete(key);
    else this.compiled.set(key, await compileFile(key, this.compileOptions()));
    const compileMs = performance.now() - start;
    if (!this.options.plugins?.length) return this.publish(true, compileMs);
    this.stale = true;
    return this.publish(false, compileMs);
  }

  /** Runs the plugins over the current data and writes their files; null when nothing changed since. */
  async refreshPlugins(): Promise<DataResult | null> {
    if (!this.stale) return null;
    return this.publish(true, 0);
  }

  private compileOptions(workers: CompileNotesOptions['workers'] = 0): CompileNotesOptions {
    const { baseDir, defaultLevels, searchSections } = this.options;
    return { baseDir, defaultLevels, searchSections, workers };
  }

  private async publish(withPlugins: boolean, compileMs: number): Promise<DataResult> {
    const start = performance.now();
    const ordered = [...this.compiled.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => this.compiled.get(k)!);
    const keepSearchFile: EmitPlugin = ({ index }) => {
      index.searchFile = this.searchFile;
      return [];
    };
    const plugins = withPlugins ? (this.options.plugins ?? []) : [keepSearchFile];
    const result = emitData(ordered, { plugins });
    const emitted = performance.now();
    const keep = withPlugins ? [] : this.pluginFiles;
    const report = await writeDataFiles(this.options.outDir, result.files, {
      previous: this.written ?? undefined,
      keep,
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
    const timings = { compileMs, emitMs: emitted - start, writeMs: performance.now() - emitted };
    return { ...result, report, timings };
  }
}

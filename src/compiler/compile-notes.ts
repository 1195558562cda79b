import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { createDiagnostic } from './diagnostics.ts';
import { compileSource, failedFile, type CompileOptions } from './compile.ts';
import { emitData, type EmitOptions, type EmitResult } from './emit.ts';
import { readFolderDefaults } from './folder-defaults.ts';
import type { CompiledFile } from './model.ts';
import { findNoteFiles, readNoteBytes } from './read-notes.ts';
import {
  startWorker,
  workerScript,
  type WorkerReply,
  type WorkerRequest,
} from './worker-threads.ts';
import { writeDataFiles, type WriteReport } from './write.ts';

export interface CompileNotesOptions extends CompileOptions {
  /** Folder that `file` paths are relative to (default: the working directory). */
  baseDir?: string;
  /**
   * Worker threads for `compileNotes`: a number forces that many (1: one thread beside this
   * one), 0 compiles on this thread. `'auto'` (default) leaves two cores to this thread (whose
   * garbage collector already keeps a second core busy: parsing allocates a lot) and the search
   * index, and uses the others once the notes weigh `PARALLEL_ABOVE` bytes or more: none on 2
   * cores, where two parsing threads each ran at half speed, 2 on 4 cores.
   */
  workers?: number | 'auto';
  /**
   * Called with each file's model as soon as it is compiled (its index in `files`): in order on
   * this thread, about in order in workers (which then take files in order, not largest first).
   * May be called again for the same file if the workers fail and the compile starts over here.
   */
  onCompiled?: (index: number, compiled: CompiledFile) => void;
}

/** Total notes bytes from which `workers: 'auto'` compiles in worker threads. */
export const PARALLEL_ABOVE = 512 * 1024;

/** Returns the path of a notes file as shown to people and stored in the data: relative to `baseDir`, `/`-separated. */
export function displayPath(file: string, baseDir: string = process.cwd()): string {
  const rel = path.relative(baseDir, path.resolve(file));
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

/**
 * Returns the folder notes paths are shown relative to (the `baseDir` of the data): `target`
 * itself when it is a folder (or missing), else the folder of that one file, so the reader shows
 * `x.md` or `2017/pycon.md`, never where the notes lie on the builder's disk. Absolute. Reads
 * the file system (stat); mutates nothing.
 */
export async function notesBaseDir(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const info = await stat(absolute).catch(() => null);
  return info && !info.isDirectory() ? path.dirname(absolute) : absolute;
}

/**
 * Returns a notes path (`file`, relative to `baseDir`) as a terminal shows it: relative to `cwd`
 * when inside it (what editors and terminals open with `file:line:col`; `.` for `cwd` itself),
 * else absolute, never `../../`. Mutates nothing.
 */
export function terminalPath(baseDir: string, file: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(baseDir, file);
  const rel = path.relative(cwd, absolute);
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  if (rel === '') return '.';
  return outside ? absolute : rel;
}

/**
 * Returns the compiled model of every `.md` file of a notes folder (or of one file), in file
 * name order. Reads the file system; a file that cannot be read is returned with `ok: false`
 * and an error diagnostic, and the others still compile. Throws only when `target` itself does
 * not exist.
 */
export async function compileNotes(
  target: string,
  options: CompileNotesOptions = {},
): Promise<CompiledFile[]> {
  return compileNoteFiles(await findNotes(target, options.baseDir), options);
}

/**
 * Returns the notes files of a folder (or `[target]` for a file), sorted; throws a message
 * for people when `target` does not exist. Reads the file system.
 */
export async function findNotes(target: string, baseDir?: string): Promise<string[]> {
  try {
    return await findNoteFiles(target);
  } catch {
    throw new Error(
      `${displayPath(target, baseDir)}: Unexpected missing notes folder, expected a folder of .md files or one .md file`,
    );
  }
}

/**
 * Returns the compiled model of each of `files`, in the given order: in worker threads when
 * `options.workers` says so (see `CompileNotesOptions.workers`), else on this thread. Reads the
 * file system; never throws on bad content.
 */
export async function compileNoteFiles(
  files: readonly string[],
  options: CompileNotesOptions = {},
): Promise<CompiledFile[]> {
  const workers = await workersFor(files, options.workers ?? 'auto');
  if (workers > 0) {
    const compiled = await compileInWorkers(
      files,
      workers,
      {
        baseDir: options.baseDir ?? process.cwd(),
        defaultLevels: options.defaultLevels,
        searchSections: options.searchSections,
        parse: options.parse && { ...options.parse, cache: undefined },
      },
      options.onCompiled,
    ).catch(() => null);
    // A pool that cannot start (no esbuild, a sandbox…) must not stop the compile.
    if (compiled) return compiled;
  }
  const compiled: CompiledFile[] = [];
  for (const [i, file] of files.entries()) {
    compiled.push(await compileFile(file, options));
    options.onCompiled?.(i, compiled[i]!);
  }
  return compiled;
}

/**
 * Returns how many worker threads `compileNoteFiles` compiles `files` with (0: none, on this
 * thread). Reads file sizes.
 */
export async function workersFor(
  files: readonly string[],
  wanted: CompileNotesOptions['workers'] = 'auto',
): Promise<number> {
  if (wanted !== 'auto') return Math.min(Math.max(0, Math.floor(wanted)), files.length);
  const spare = os.availableParallelism() - 2;
  if (spare < 2 || files.length < 2) return 0;
  return (await notesBytes(files, PARALLEL_ABOVE)) >= PARALLEL_ABOVE
    ? Math.min(spare, files.length)
    : 0;
}

/** Returns the total size of the files in bytes, counting no further than `enough`. Reads file sizes. */
export async function notesBytes(files: readonly string[], enough = Infinity): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    bytes += await stat(file).then(
      (info) => info.size,
      () => 0,
    );
    if (bytes >= enough) break;
  }
  return bytes;
}

/**
 * Returns the compiled model of each file, compiled by `count` worker threads that each take
 * the next file when done: largest first, so no thread is left with a big file at the end, or
 * in order when `onCompiled` consumes them in order. Rejects when a worker fails to start or
 * dies; the caller then compiles on its own thread.
 */
async function compileInWorkers(
  files: readonly string[],
  count: number,
  options: Extract<WorkerRequest, { kind: 'compile' }>['options'],
  onCompiled?: (index: number, compiled: CompiledFile) => void,
): Promise<CompiledFile[]> {
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  const order = files.map((_, i) => i);
  if (!onCompiled) order.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const script = await workerScript();
  const results = new Array<CompiledFile>(files.length);
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const feed = (worker: Worker) => {
        if (next >= order.length) return;
        const id = order[next++]!;
        const request: WorkerRequest = { kind: 'compile', id, file: files[id]!, options };
        worker.postMessage(request);
      };
      for (let w = 0; w < count; w++) {
        const worker = startWorker(script);
        pool.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if (reply.kind !== 'compiled') {
            // compileFile never throws on content; this is a bug or a broken worker.
            reject(new Error(reply.kind === 'error' ? reply.error : `unexpected ${reply.kind}`));
            return;
          }
          results[reply.id] = reply.compiled;
          onCompiled?.(reply.id, reply.compiled);
          if (++done === files.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < files.length) reject(new Error(`compile worker exited (${code})`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}

/** Returns the compiled model of one notes file read from disk (never throws on bad content). */
export async function compileFile(
  file: string,
  options: CompileNotesOptions = {},
): Promise<CompiledFile> {
  const shown = displayPath(file, options.baseDir);
  const read = await readNoteBytes(file);
  if (!read.ok) {
    return failedFile(shown, [
      createDiagnostic(
        'error',
        shown,
        1,
        1,
        `Unexpected unreadable file (${read.reason}), expected a readable UTF-8 notes file`,
      ),
    ]);
  }
  if (options.defaults !== undefined) return compileSource(shown, read.bytes, options);
  // A folder's `conference-notes.yml` sets `talks:` / `days:` for the files that do not.
  const folder = await readFolderDefaults(path.dirname(file), path.posix.dirname(shown));
  const compiled = compileSource(shown, read.bytes, { ...options, defaults: folder.defaults });
  if (folder.diagnostics.length === 0) return compiled;
  return { ...compiled, diagnostics: [...folder.diagnostics, ...compiled.diagnostics] };
}

/**
 * Emits the data of compiled notes and writes it into `outDir` (stale files removed).
 * Returns what was emitted and what changed on disk.
 */
export async function writeData(
  outDir: string,
  compiled: readonly CompiledFile[],
  options: EmitOptions = {},
): Promise<EmitResult & { report: WriteReport }> {
  const result = emitData(compiled, options);
  const report = await writeDataFiles(outDir, result.files);
  return { ...result, report };
}

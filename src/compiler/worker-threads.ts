import { createHash } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompileOptions } from './compile.ts';
import type { DataFile } from './emit.ts';
import type { CompiledFile } from './model.ts';
import type { SearchDocument } from '../lib/search-options.ts';
import type { WriteReport } from './write.ts';

/** What the main thread asks a compiler worker (plain data: it crosses a thread boundary). */
export type WorkerRequest =
  | { kind: 'compile'; id: number; file: string; options: CompileOptions & { baseDir: string } }
  /** Add documents to this worker's search index, in id order. */
  | { kind: 'index'; documents: SearchDocument[] }
  /** Reply with the search index's files (`shardSearchIndex`), then drop it. */
  | { kind: 'serialize'; sections: number[]; talkFiles: string[] }
  /** Write these data files into `outDir` (`writeDataFiles`, nothing pruned), after the ones sent before. */
  | { kind: 'write'; outDir: string; files: DataFile[] }
  /** Reply once every file sent to `write` is written, with what was written. */
  | { kind: 'flush' };

export type WorkerReply =
  | { kind: 'compiled'; id: number; compiled: CompiledFile }
  | { kind: 'serialized'; searchFile: string; files: DataFile[] }
  /** What the writes did, or why one failed (the files after it may be written or not). */
  | { kind: 'flushed'; report: WriteReport; error: string | null }
  | { kind: 'error'; id?: number; error: string };

/**
 * Returns the compiler worker's script. From compiled JavaScript it is `compile-worker.js` next
 * to this file. From TypeScript sources (tsx, Vite's config loader, Vitest) it is that entry
 * bundled with esbuild into one `.mjs` in the temp folder, named by its content (made again only
 * when one of the files it was made from changed): Node 20 cannot load `.ts`, and tsx's loader in
 * each worker costs about a second of start-up where the bundle loads in a tenth of that. Rejects
 * when esbuild is missing. Writes the temp folder.
 */
export function workerScript(): Promise<string> {
  scriptPromise ??= (async () => {
    const here = fileURLToPath(import.meta.url);
    if (!here.endsWith('.ts')) return path.join(path.dirname(here), 'compile-worker.js');
    const entry = path.join(path.dirname(here), 'compile-worker.ts');
    const manifest = path.join(os.tmpdir(), 'notes-compile-worker.json');
    const known = await readManifest(manifest, entry);
    if (known) return known;

    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // Bundled CommonJS dependencies (yaml) call `require` for Node built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
    const file = path.join(os.tmpdir(), `notes-compile-worker.${hash}.mjs`);
    if (!(await sameSize(file, code.length))) await writeAtomically(file, code);
    // What it was made from, so the next run skips esbuild while none of it changed.
    const inputs: Manifest['inputs'] = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const info = await stat(path.resolve(input)).catch(() => null);
      if (info) inputs[path.resolve(input)] = [info.mtimeMs, info.size];
    }
    await writeAtomically(manifest, JSON.stringify({ entry, file, inputs } satisfies Manifest));
    return file;
  })();
  scriptPromise.catch(() => {
    scriptPromise = null;
  });
  return scriptPromise;
}

/** The last bundle made, and the size and time of each file it was made from. */
interface Manifest {
  entry: string;
  file: string;
  inputs: Record<string, [mtimeMs: number, size: number]>;
}

/** Returns the bundle of the manifest when it is there and none of its inputs changed, else null. */
async function readManifest(manifest: string, entry: string): Promise<string | null> {
  try {
    const known = JSON.parse(await readFile(manifest, 'utf8')) as Manifest;
    if (known.entry !== entry || !(await stat(known.file).catch(() => null))) return null;
    for (const [input, [mtimeMs, size]] of Object.entries(known.inputs)) {
      const info = await stat(input);
      if (info.mtimeMs !== mtimeMs || info.size !== size) return null;
    }
    return known.file;
  } catch {
    return null;
  }
}

async function sameSize(file: string, size: number): Promise<boolean> {
  return stat(file).then(
    (info) => info.size === size,
    () => false,
  );
}

/** Writes through a temporary name: another process may be reading the same file. */
async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}
let scriptPromise: Promise<string> | null = null;

/** Starts a compiler worker thread. */
export function startWorker(script: string): Worker {
  return new Worker(script);
}

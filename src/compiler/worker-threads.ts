import { createHash } from 'node:crypto';
import { rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompileOptions } from './compile.ts';
import type { CompiledFile } from './model.ts';
import type { SearchDocument } from '../lib/search-options.ts';

/** What the main thread asks a compiler worker (plain data: it crosses a thread boundary). */
export type WorkerRequest =
  | { kind: 'compile'; id: number; file: string; options: CompileOptions & { baseDir: string } }
  /** Add documents to this worker's search index, in id order. */
  | { kind: 'index'; documents: SearchDocument[] }
  /** Reply with the search index serialized (`JSON.stringify(miniSearch)`), then drop it. */
  | { kind: 'serialize' };

export type WorkerReply =
  | { kind: 'compiled'; id: number; compiled: CompiledFile }
  | { kind: 'serialized'; json: string }
  | { kind: 'error'; id?: number; error: string };

/**
 * Returns the compiler worker's script. From compiled JavaScript it is `compile-worker.js` next
 * to this file. From TypeScript sources (tsx, Vite's config loader, Vitest) it is that entry
 * bundled with esbuild into one `.mjs` in the temp folder, named by its content: Node 20 cannot
 * load `.ts`, and tsx's loader in each worker costs about a second of start-up where the bundle
 * loads in a tenth of that. Rejects when esbuild is missing. Writes the temp folder.
 */
export function workerScript(): Promise<string> {
  scriptPromise ??= (async () => {
    const here = fileURLToPath(import.meta.url);
    if (!here.endsWith('.ts')) return path.join(path.dirname(here), 'compile-worker.js');
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [path.join(path.dirname(here), 'compile-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // Bundled CommonJS dependencies (yaml) call `require` for Node built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
    const file = path.join(os.tmpdir(), `notes-compile-worker.${hash}.mjs`);
    const exists = await stat(file).then(
      (info) => info.size === code.length,
      () => false,
    );
    if (!exists) {
      // Through a temporary name: another process may be starting workers from the same file.
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, code);
      await rename(temp, file);
    }
    return file;
  })();
  scriptPromise.catch(() => {
    scriptPromise = null;
  });
  return scriptPromise;
}
let scriptPromise: Promise<string> | null = null;

/** Starts a compiler worker thread. */
export function startWorker(script: string): Worker {
  return new Worker(script);
}

import path from 'node:path';
import { createDiagnostic } from './diagnostics.ts';
import { compileSource, failedFile, type CompileOptions } from './compile.ts';
import { emitData, type EmitOptions, type EmitResult } from './emit.ts';
import type { CompiledFile } from './model.ts';
import { findNoteFiles, readNoteBytes } from './read-notes.ts';
import { writeDataFiles, type WriteReport } from './write.ts';

export interface CompileNotesOptions extends CompileOptions {
  /** Folder that `file` paths are relative to (default: the working directory). */
  baseDir?: string;
}

/** Returns the path of a notes file as shown to people and stored in the data: relative to `baseDir`, `/`-separated. */
export function displayPath(file: string, baseDir: string = process.cwd()): string {
  const rel = path.relative(baseDir, path.resolve(file));
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
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
  let files: string[];
  try {
    files = await findNoteFiles(target);
  } catch {
    throw new Error(
      `${displayPath(target, options.baseDir)}: Unexpected missing notes folder, expected a folder of .md files or one .md file`,
    );
  }
  return Promise.all(files.map((file) => compileFile(file, options)));
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
  return compileSource(shown, read.bytes, options);
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

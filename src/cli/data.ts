import { notesBaseDir, terminalPath } from '../compiler/compile-notes.ts';
import { formatDiagnostic } from '../compiler/diagnostics.ts';
import { DataBuild } from '../compiler/incremental.ts';
import type { CommandContext } from './notes-folder.ts';

export interface DataOptions {
  /** Notes folder or file, absolute. */
  notes: string;
  /** Data folder, absolute. */
  out: string;
}

/**
 * `conference-notes data`: compiles the notes into the data folder the reader loads (its paths
 * relative to the notes folder) and returns the exit code: 1 for errors in the notes, whose
 * other files are still written. Reads the notes; writes the folder, stdout and stderr.
 */
export async function runData(options: DataOptions, context: CommandContext): Promise<number> {
  const base = await notesBaseDir(options.notes);
  // Worker threads and the search index built alongside when the notes are big enough.
  const build = new DataBuild({
    outDir: options.out,
    baseDir: base,
    searchIndex: true,
    // Built once: no edits to come, so no parsed pieces to keep.
    keepParsed: false,
  });
  const { index, report } = await build.build(options.notes);
  for (const d of index.diagnostics) {
    const file = terminalPath(base, d.file, context.cwd);
    process.stderr.write(`${formatDiagnostic({ ...d, file }, { severity: true })}\n`);
  }
  const s = index.summary;
  const errors = index.diagnostics.filter((d) => d.severity === 'error').length;
  const out = terminalPath(options.out, '.', context.cwd);
  process.stdout.write(
    `${index.conferences.length} conference(s), ${s.talks} talks: ${s.complete} complete, ${s.partial} partial, ${s.empty} empty (${s.gaps} gaps)\n` +
      `${out}: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed\n`,
  );
  return errors > 0 ? 1 : 0;
}

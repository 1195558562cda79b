import { compileNotes, notesBaseDir, terminalPath } from '../compiler/compile-notes.ts';
import { formatDiagnostic } from '../compiler/diagnostics.ts';
import { emitData } from '../compiler/emit.ts';
import { formatExplain } from '../compiler/explain-report.ts';
import { formatGapReport, gapReport, type GapReport } from '../compiler/gap-report.ts';
import type { CompiledFile } from '../compiler/model.ts';
import type { CommandContext } from './notes-folder.ts';

export interface GapsOptions {
  /** Notes folder or file, absolute. */
  notes: string;
  json: boolean;
  strict: boolean;
  explain: boolean;
}

/**
 * `conference-notes gaps`: prints the fill-in list of unfinished notes (`--explain`: first how
 * each file's talks were found) with paths a terminal opens, and returns the exit code: 1 for
 * errors in the notes, or any gap with `strict`. Reads the notes; writes stdout and stderr.
 */
export async function runGaps(options: GapsOptions, context: CommandContext): Promise<number> {
  const base = await notesBaseDir(options.notes);
  const shown = (file: string) => terminalPath(base, file, context.cwd);
  const compiled = await compileNotes(options.notes, { baseDir: base });
  const report = forTerminal(gapReport(emitData(compiled)), shown);
  for (const d of report.diagnostics)
    process.stderr.write(`${formatDiagnostic(d, { severity: true })}\n`);
  const explained = compiled.map((c): CompiledFile => ({ ...c, file: shown(c.file) }));
  if (options.json) {
    const json = options.explain
      ? {
          ...report,
          explain: explained.map((c) => ({ file: c.file, ...c.explain, hint: c.hint })),
        }
      : report;
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return exitCode(report, options.strict);
  }
  if (options.explain) process.stdout.write(`${formatExplain(explained).join('\n')}\n`);
  process.stdout.write(`${formatGapReport(report).join('\n')}\n`);
  return exitCode(report, options.strict);
}

/**
 * Returns the report with its paths as a terminal opens them (`shown`) instead of relative to
 * the notes folder. Mutates nothing.
 */
function forTerminal(report: GapReport, shown: (file: string) => string): GapReport {
  return {
    ...report,
    conferences: report.conferences.map((c) => ({ ...c, file: shown(c.file) })),
    diagnostics: report.diagnostics.map((d) => ({ ...d, file: shown(d.file) })),
  };
}

/** Returns 1 for errors in the notes, or gaps when `strict`; else 0. Mutates nothing. */
function exitCode(report: GapReport, strict: boolean): number {
  const errors = report.diagnostics.some((d) => d.severity === 'error');
  return errors || (strict && report.summary.gaps > 0) ? 1 : 0;
}

import { formatDiagnostic } from '../diagnostics.ts';
import { compileNotes } from '../compile-notes.ts';
import { emitData } from '../emit.ts';
import { formatExplain } from '../explain-report.ts';
import { formatGapReport, gapReport } from '../gap-report.ts';
import { parseArgs } from './args.ts';

/**
 * `npm run gaps [-- --notes <dir|file>] [--json] [--strict] [--explain]`: the fill-in list of
 * unfinished notes; `--explain` first says, per file, how its talks were found.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env, [
    '--notes',
    '--json',
    '--strict',
    '--explain',
  ]);
  if (typeof args === 'string') {
    process.stderr.write(`gaps: ${args}\n`);
    return 2;
  }
  const compiled = await compileNotes(args.notes);
  const report = gapReport(emitData(compiled));
  for (const d of report.diagnostics)
    process.stderr.write(`${formatDiagnostic(d, { severity: true })}\n`);
  if (args.json) {
    const explained = args.explain
      ? {
          ...report,
          explain: compiled.map((c) => ({ file: c.file, ...c.explain, hint: c.hint })),
        }
      : report;
    process.stdout.write(`${JSON.stringify(explained, null, 2)}\n`);
    return exitCode(report, args.strict);
  }
  if (args.explain) process.stdout.write(`${formatExplain(compiled).join('\n')}\n`);
  process.stdout.write(`${formatGapReport(report).join('\n')}\n`);
  return exitCode(report, args.strict);
}

function exitCode(report: ReturnType<typeof gapReport>, strict: boolean): number {
  const errors = report.diagnostics.some((d) => d.severity === 'error');
  return errors || (strict && report.summary.gaps > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`gaps: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

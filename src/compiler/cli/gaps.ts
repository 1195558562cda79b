import { formatDiagnostic } from '../diagnostics.ts';
import { compileNotes } from '../compile-notes.ts';
import { emitData } from '../emit.ts';
import { formatGapReport, gapReport } from '../gap-report.ts';
import { parseArgs } from './args.ts';

/** `npm run gaps [-- --notes <dir|file>] [--json] [--strict]`: the fill-in list of unfinished notes. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env, ['--notes', '--json', '--strict']);
  if (typeof args === 'string') {
    process.stderr.write(`gaps: ${args}\n`);
    return 2;
  }
  const compiled = await compileNotes(args.notes);
  const report = gapReport(emitData(compiled));
  for (const d of report.diagnostics)
    process.stderr.write(`${formatDiagnostic(d, { severity: true })}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatGapReport(report).join('\n')}\n`);
  const errors = report.diagnostics.some((d) => d.severity === 'error');
  return errors || (args.strict && report.summary.gaps > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`gaps: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

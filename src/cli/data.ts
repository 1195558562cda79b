import { formatDiagnostic } from '../diagnostics.ts';
import { DataBuild } from '../incremental.ts';
import { parseArgs } from './args.ts';

/** `npm run data [-- --notes <dir|file> --out <dir>]`: compile the notes into the app's data folder. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env, ['--notes', '--out']);
  if (typeof args === 'string') {
    process.stderr.write(`data: ${args}\n`);
    return 2;
  }
  // Worker threads and the search index built alongside when the notes are big enough.
  const build = new DataBuild({ outDir: args.out, searchIndex: true });
  const { index, report } = await build.build(args.notes);
  for (const d of index.diagnostics)
    process.stderr.write(`${formatDiagnostic(d, { severity: true })}\n`);
  const s = index.summary;
  const errors = index.diagnostics.filter((d) => d.severity === 'error').length;
  process.stdout.write(
    `${index.conferences.length} conference(s), ${s.talks} talks: ${s.complete} complete, ${s.partial} partial, ${s.empty} empty (${s.gaps} gaps)\n` +
      `${args.out}: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed\n`,
  );
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

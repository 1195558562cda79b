import type { CompiledFile } from './model.ts';

/**
 * Returns the `gaps --explain` lines: for each file, what was found (conference, days, talks,
 * other parts) and why, then the front-matter lines that would list it otherwise. Mutates
 * nothing.
 */
export function formatExplain(files: readonly CompiledFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    out.push(file.file);
    if (!file.ok) {
      out.push('  not compiled (see the errors above)', '');
      continue;
    }
    const talks = file.days.reduce((n, d) => n + d.talks.length, 0);
    const days = file.days.filter((d) => d.line !== null).length;
    for (const decision of file.explain.decisions) out.push(`  ${decision}`);
    out.push(
      `  found: ${plural(days, 'day')}, ${plural(talks, 'talk')}, ${plural(file.asides.length, 'other part')}${
        file.asides.length > 0
          ? ` (${file.asides.map((a) => `\`${a.title}\` ${a.kind}`).join(', ')})`
          : ''
      }`,
    );
    if (file.hint) out.push(`  ${file.hint}`);
    if (file.explain.alternatives.length > 0) {
      out.push('  to list them otherwise, add one line to the front matter:');
      for (const line of file.explain.alternatives) out.push(`    ${line}`);
    }
    out.push('');
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

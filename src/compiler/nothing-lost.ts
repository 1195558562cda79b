import type { NotesIndex, TalkDocument } from './contract.ts';
import type { CompiledFile } from './model.ts';

/**
 * Returns every way a source file's non-blank lines fail to land in exactly one place of the
 * emitted data ([] when nothing is lost): each line must be in exactly one region, and the data
 * must hold that line's text where its region says (a heading's text at its line, an intro's or
 * a talk's Markdown line for line). A talk's Markdown is the emitted document's, in memory (its
 * file carries the rendered tree instead). `text` is the decoded source (LF line endings).
 * Mutates nothing.
 */
export function findLostLines(
  text: string,
  compiled: CompiledFile,
  index: NotesIndex,
  talks: readonly TalkDocument[],
): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  const owners = new Array<number>(lines.length + 1).fill(0);
  for (const region of compiled.regions) {
    for (let l = region.start; l <= region.end; l++) if (lines[l - 1]!.trim() !== '') owners[l]!++;
  }
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const n = owners[i + 1]!;
    if (n !== 1) problems.push(`line ${i + 1} is in ${n} regions: ${JSON.stringify(line)}`);
  });

  const conference = index.conferences.find((c) => c.file === compiled.file);
  if (!conference) return [...problems, `no conference for ${compiled.file} in the index`];
  const byUrl = new Map(talks.map((t) => [t.url, t]));
  const at = (body: string, first: number | null, line: number) =>
    first === null ? undefined : body.split('\n')[line - first];
  const same = (emitted: string | undefined, source: string) =>
    emitted !== undefined &&
    (emitted === source || emitted === source.replace(/\s*\{#[^\s{}]+\}/u, ''));

  for (const region of compiled.regions) {
    const day = region.day === undefined ? undefined : conference.days[region.day];
    for (let l = region.start; l <= region.end; l++) {
      const source = lines[l - 1]!;
      if (source.trim() === '') continue;
      const fail = (where: string) =>
        problems.push(
          `line ${l} (${region.kind}) missing from ${where}: ${JSON.stringify(source)}`,
        );
      switch (region.kind) {
        case 'front-matter':
          break;
        case 'conference-heading':
          if (conference.line !== l || !holdsTitle(source, conference.heading ?? '\u0000'))
            fail('conference heading');
          break;
        case 'conference-intro':
          if (!same(at(conference.intro, conference.introLine, l), source))
            fail('conference intro');
          break;
        case 'day-heading':
          if (!day || day.line !== l || !holdsTitle(source, day.label)) fail('day heading');
          break;
        case 'day-intro':
          if (!day || !same(at(day.intro, day.introLine, l), source)) fail('day intro');
          break;
        case 'aside': {
          const aside = conference.asides[region.aside ?? -1];
          if (!aside || aside.lines[0] !== region.start || aside.lines[1] !== region.end)
            fail('aside');
          else if (l === region.start) {
            if (!holdsTitle(source, aside.title)) fail('aside title');
          } else if (!same(at(aside.markdown, aside.markdownLine, l), source))
            fail('aside markdown');
          break;
        }
        case 'talk': {
          const summary = day?.talks[region.talk ?? -1];
          const doc = summary ? byUrl.get(summary.url) : undefined;
          if (
            !summary ||
            !doc ||
            summary.lines[0] !== region.start ||
            summary.lines[1] !== region.end
          ) {
            fail('talk');
          } else if (l === region.start) {
            if (!holdsTitle(source, doc.title)) fail('talk title');
          } else if (!same(at(doc.markdown, doc.markdownLine, l), source)) fail('talk markdown');
          break;
        }
      }
    }
  }
  return problems;
}

/**
 * Whether a title line holds its title. The title is plain text (inline markup such as `**`,
 * links and footnote calls taken out, a setext title over several lines folded into one), so
 * its first word must be on the line.
 */
function holdsTitle(source: string, title: string): boolean {
  const first = title.split(/\s+/).find((w) => w !== '');
  return first === undefined || source.includes(first);
}

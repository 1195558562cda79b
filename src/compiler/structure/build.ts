import type { Root, RootContent } from 'mdast';
import type { AsideKind, Diagnostic } from '../contract.ts';
import { createDiagnostic } from '../diagnostics.ts';
import type { Region } from '../model.ts';
import type { Inference } from './inference.ts';
import { prepareRoot } from './prepare.ts';
import { rankOf, type Candidate } from './types.ts';

/** A structural line (heading, bold line or link bullet) with its title split from a pinned `{#id}`. */
export interface HeadingPart {
  /** The node that holds the title (a heading, a paragraph, a one-item list). */
  node: RootContent;
  line: number;
  column: number;
  title: string;
  pinnedId: string | null;
  /** The link of a link bullet, else null. */
  url: string | null;
}

export interface TalkPart {
  heading: HeadingPart;
  /** Top-level nodes after the title node, up to the next structural line. */
  nodes: RootContent[];
  /** Title line and last non-blank line of the talk (inclusive). */
  start: number;
  end: number;
}

export interface AsidePart extends TalkPart {
  kind: AsideKind;
  /** Index of the day it stands in, or null when it stands before every day or outside days. */
  day: number | null;
}

export interface DayPart {
  /** Null for the unnamed group (a file without day headings, or talks before the first day). */
  heading: HeadingPart | null;
  intro: LineSpan | null;
  talks: TalkPart[];
}

/** Inclusive line span; `skip` lists lines inside it that belong elsewhere (blanked when emitted). */
export interface LineSpan {
  start: number;
  end: number;
  skip: number[];
}

export interface Structure {
  /** The root's children as talks see them (bold lines and link bullets cut free). */
  root: Root;
  conference: HeadingPart | null;
  intro: LineSpan | null;
  days: DayPart[];
  asides: AsidePart[];
  regions: Region[];
  diagnostics: Diagnostic[];
}

type Mark = { candidate: Candidate; kind: 'conference' | 'day' | 'talk' | 'aside'; line: number };

/**
 * Step 6. Returns the conference / days / talks / asides of a file from the roles the steps
 * gave, and the region of every non-blank line: each line belongs to the structural line
 * above it. `skipUntil` is the last line of front matter or metadata. Mutates nothing.
 */
export function buildStructure(
  file: string,
  root: Root,
  lines: readonly string[],
  inference: Inference,
  skipUntil: number,
): Structure {
  const marks: Mark[] = [];
  for (const c of inference.candidates) {
    const role = inference.roles.get(c)!;
    if (role.kind !== 'content') marks.push({ candidate: c, kind: role.kind, line: c.line });
  }
  const prepared = prepareRoot(
    root,
    marks.map((m) => m.candidate),
  );
  const preparedRoot: Root = { ...root, children: prepared.children };
  const nodeIndex = new Map(prepared.children.map((n, i) => [n, i]));
  const part = (c: Candidate): HeadingPart => ({
    node: prepared.titleNodes.get(c)!,
    line: c.line,
    column: c.column,
    title: c.title,
    pinnedId: c.pinnedId,
    url: c.url,
  });
  const bodyOf = (m: number): RootContent[] => {
    const from = nodeIndex.get(prepared.titleNodes.get(marks[m]!.candidate)!)! + 1;
    const next = marks[m + 1];
    const to = next
      ? nodeIndex.get(prepared.titleNodes.get(next.candidate)!)!
      : prepared.children.length;
    return prepared.children
      .slice(from, to)
      .filter((n) => n.position && n.position.start.line > skipUntil);
  };

  const diagnostics: Diagnostic[] = [];
  const days: DayPart[] = [];
  const asides: AsidePart[] = [];
  let conference = null as HeadingPart | null;
  const regions: Region[] = [];
  if (skipUntil > 0)
    regions.push({
      kind: 'front-matter',
      start: firstAfter(lines, 0, lines.length + 1) || 1,
      end: skipUntil,
    });
  const introRanges: [number, number][] = [];
  const addIntro = (from: number, upTo: number) => {
    const first = firstAfter(lines, from - 1, upTo);
    if (first !== 0) introRanges.push([first, lastBefore(lines, first, upTo)]);
  };
  addIntro(skipUntil + 1, marks[0]?.line ?? lines.length + 1);

  let warnedEarly = false;
  // The candidate of each day, in step with `days` (null for the unnamed group).
  const dayCandidates: (Candidate | null)[] = [];
  marks.forEach((mark, m) => {
    const upTo = marks[m + 1]?.line ?? lines.length + 1;
    const c = mark.candidate;
    if (c.unclosed) diagnostics.push(unclosedBold(file, c));
    if (mark.kind === 'conference') {
      conference = part(c);
      regions.push({ kind: 'conference-heading', start: c.line, end: c.line });
      addIntro(c.line + 1, upTo);
      return;
    }
    if (mark.kind === 'day') {
      if (inference.conference && c.key === inference.conference.key && c.key !== inference.dayKey)
        diagnostics.push(secondConference(file, c));
      const dayIndex = days.length;
      const first = firstAfter(lines, c.line, upTo);
      const intro =
        first === 0 ? null : { start: first, end: lastBefore(lines, first, upTo), skip: [] };
      days.push({ heading: part(c), intro, talks: [] });
      dayCandidates.push(c);
      regions.push({ kind: 'day-heading', start: c.line, end: c.line, day: dayIndex });
      if (intro)
        regions.push({ kind: 'day-intro', start: intro.start, end: intro.end, day: dayIndex });
      return;
    }
    const end = Math.max(c.line, lastBefore(lines, c.line + 1, upTo));
    const body = { heading: part(c), nodes: bodyOf(m), start: c.line, end };
    if (mark.kind === 'aside') {
      const role = inference.roles.get(c)!;
      const aside = role.kind === 'aside' ? role.aside : 'other';
      // An aside stands in the day above it only when it is written below that day's heading.
      const dayKey = dayCandidates.at(-1)?.key;
      const inside = dayKey !== undefined && rankOf(c.key) > rankOf(dayKey);
      const day = inside ? days.length - 1 : null;
      regions.push({ kind: 'aside', start: c.line, end, aside: asides.length });
      asides.push({ ...body, kind: aside, day });
      return;
    }
    if (days.length === 0) {
      days.push({ heading: null, intro: null, talks: [] });
      dayCandidates.push(null);
      if (inference.dayKey && !warnedEarly) {
        warnedEarly = true;
        diagnostics.push(earlyTalk(file, c, inference.dayKey));
      }
    }
    const day = days.at(-1)!;
    regions.push({
      kind: 'talk',
      start: c.line,
      end,
      day: days.length - 1,
      talk: day.talks.length,
    });
    day.talks.push(body);
  });

  let intro: LineSpan | null = null;
  if (introRanges.length > 0) {
    const start = introRanges[0]![0];
    const endLine = introRanges.at(-1)![1];
    const c = conference;
    const skip = c && c.line > start && c.line < endLine ? [c.line] : [];
    intro = { start, end: endLine, skip };
    for (const [s, e] of introRanges) regions.push({ kind: 'conference-intro', start: s, end: e });
  }
  return { root: preparedRoot, conference, intro, days, asides, regions, diagnostics };
}

const isBlank = (lines: readonly string[], line: number) => (lines[line - 1] ?? '').trim() === '';

/** The first non-blank line after `line` and before `upTo`, or 0. */
function firstAfter(lines: readonly string[], line: number, upTo: number): number {
  for (let l = line + 1; l < upTo; l++) if (!isBlank(lines, l)) return l;
  return 0;
}

/** The last non-blank line from `from` to before `upTo`, or 0. */
function lastBefore(lines: readonly string[], from: number, upTo: number): number {
  for (let l = upTo - 1; l >= from; l--) if (!isBlank(lines, l)) return l;
  return 0;
}

/** A warning at a candidate's title. */
function warnAt(file: string, c: Candidate, message: string): Diagnostic {
  return createDiagnostic('warning', file, c.line, c.column, message);
}

function secondConference(file: string, c: Candidate): Diagnostic {
  return warnAt(
    file,
    c,
    `Unexpected second conference heading \`${c.title}\`, expected one \`#\` heading per file; it is treated as a day`,
  );
}

function earlyTalk(file: string, c: Candidate, dayKey: string): Diagnostic {
  const hashes = dayKey.startsWith('h') ? '#'.repeat(Number(dayKey.slice(1))) : '##';
  return warnAt(
    file,
    c,
    `Unexpected talk \`${c.title}\` before any day heading, expected a \`${hashes} day\` heading first; such talks are listed in an unnamed day`,
  );
}

function unclosedBold(file: string, c: Candidate): Diagnostic {
  return warnAt(
    file,
    c,
    `Unexpected \`**\` with no closing \`**\`, expected \`**${c.title}**\`; it is read as the title \`${c.title}\``,
  );
}

import type { Heading, Root, RootContent, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from './contract.ts';
import { createDiagnostic } from './diagnostics.ts';
import type { Levels } from './front-matter.ts';
import type { Region } from './model.ts';
import { parseDayLabel } from './dates.ts';
import { splitPinnedId } from './slugs.ts';

/** A structural (ATX, top-level) heading with its text split from a pinned `{#id}`. */
export interface HeadingPart {
  node: Heading;
  line: number;
  title: string;
  pinnedId: string | null;
}

export interface TalkPart {
  heading: HeadingPart;
  /** Top-level nodes after the heading, up to the next structural heading. */
  nodes: RootContent[];
  /** Heading line and last non-blank line of the talk (inclusive). */
  start: number;
  end: number;
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
  levels: Levels;
  frontMatter: Yaml | undefined;
  conference: HeadingPart | null;
  intro: LineSpan | null;
  days: DayPart[];
  regions: Region[];
  diagnostics: Diagnostic[];
}

/** An ATX heading is one line; a setext heading always spans its text and its underline. */
export function isAtxHeading(node: Heading): boolean {
  return node.position !== undefined && node.position.start.line === node.position.end.line;
}

/** Words that name a day in a heading: "Day 1", "第一天", "1日目", "Tag 2", "Jour 1"… */
const DAY_WORD =
  /(^|[^\p{L}])(day|tag|jour|d[ií]a|dag|giorno)([^\p{L}]|$)|第.{1,3}[天日]|\d+日目/iu;

/**
 * Returns the heading levels to use: the front matter's when set; otherwise day 2 / talk 3 when
 * the file has top-level `###` headings and its `##` headings look like days (one names a date
 * or a day, or none of them has notes of its own before its first `###`); otherwise talks at
 * depth 2 with no day level (`# Conf`, `## Talk`, `### Section`). Mutates nothing.
 */
export function detectLevels(root: Root, override: Levels | undefined): Levels {
  if (override) return override;
  let has2 = false;
  let has3 = false;
  let dayLike = false;
  let ownNotes = false;
  let inH2 = false;
  for (const node of root.children) {
    if (node.type === 'heading' && isAtxHeading(node) && node.depth <= 3) {
      inH2 = node.depth === 2;
      if (node.depth === 3) has3 = true;
      if (node.depth === 2) {
        has2 = true;
        const label = splitPinnedId(toString(node)).title;
        if (!dayLike && (DAY_WORD.test(label) || parseDayLabel(label, 2000) !== null))
          dayLike = true;
      }
    } else if (inH2 && node.type !== 'yaml') {
      ownNotes = true;
    }
  }
  if (!has3) return has2 ? { day: null, talk: 2 } : { day: 2, talk: 3 };
  return !has2 || dayLike || !ownNotes ? { day: 2, talk: 3 } : { day: null, talk: 2 };
}

/**
 * Returns the conference / day / talk split of a parsed file and the region of every non-blank
 * line. Only top-level ATX headings at or above the talk depth make structure; everything else
 * (setext headings, deeper headings) is content of the talk or intro it stands in.
 * Mutates nothing.
 */
export function splitStructure(
  file: string,
  root: Root,
  lines: readonly string[],
  levels: Levels,
): Structure {
  const diagnostics: Diagnostic[] = [];
  const confDepth = Math.min(levels.day ?? levels.talk, levels.talk) > 1 ? 1 : null;
  let frontMatter: Yaml | undefined;
  let conference: HeadingPart | null = null;
  const days: DayPart[] = [];
  let currentTalk: TalkPart | null = null;
  let sawDayOrTalk = false;
  let warnedEarlyTalk = false;
  // Structural headings in source order, with what they open.
  const marks: { line: number; kind: 'conference' | 'day' | 'talk' }[] = [];

  for (const node of root.children) {
    if (node.type === 'yaml') {
      frontMatter ??= node;
      continue;
    }
    if (node.type !== 'heading' || !isAtxHeading(node) || node.depth > levels.talk) {
      currentTalk?.nodes.push(node);
      continue;
    }
    const part = headingPart(node);
    if (node.depth === levels.talk) {
      let day = days.at(-1);
      if (!day) {
        day = { heading: null, intro: null, talks: [] };
        days.push(day);
        if (levels.day !== null && !warnedEarlyTalk) {
          warnedEarlyTalk = true;
          diagnostics.push(
            createDiagnostic(
              'warning',
              file,
              part.line,
              1,
              `Unexpected talk \`${part.title}\` before any day heading, expected a \`${'#'.repeat(levels.day)} day\` heading first; such talks are listed in an unnamed day`,
            ),
          );
        }
      }
      currentTalk = { heading: part, nodes: [], start: part.line, end: part.line };
      day.talks.push(currentTalk);
      marks.push({ line: part.line, kind: 'talk' });
      sawDayOrTalk = true;
      continue;
    }
    currentTalk = null;
    if (confDepth !== null && node.depth <= confDepth && !conference && !sawDayOrTalk) {
      conference = part;
      marks.push({ line: part.line, kind: 'conference' });
      continue;
    }
    if (confDepth !== null && node.depth <= confDepth) {
      diagnostics.push(
        createDiagnostic(
          'warning',
          file,
          part.line,
          1,
          `Unexpected second conference heading \`${part.title}\`, expected one \`#\` heading per file; it is treated as a day`,
        ),
      );
    } else if (levels.day === null) {
      diagnostics.push(
        createDiagnostic(
          'warning',
          file,
          part.line,
          1,
          `Unexpected \`${'#'.repeat(node.depth)}\` heading \`${part.title}\` above the talk level, expected talk headings (\`${'#'.repeat(levels.talk)}\`); it is treated as a day`,
        ),
      );
    }
    days.push({ heading: part, intro: null, talks: [] });
    marks.push({ line: part.line, kind: 'day' });
    sawDayOrTalk = true;
  }

  const blank = (line: number) => (lines[line - 1] ?? '').trim() === '';
  const regions: Region[] = [];
  const fmEnd = frontMatter?.position ? frontMatter.position.end.line : 0;
  if (frontMatter?.position) {
    regions.push({ kind: 'front-matter', start: frontMatter.position.start.line, end: fmEnd });
  }

  // Walk the gaps between structural headings once; each belongs to the heading before it.
  let intro: LineSpan | null = null;
  const introRanges: [number, number][] = [];
  let dayIndex = -1;
  let talkIndex = -1;
  const talkCursor = days.map(() => 0);
  let dayCursor = -1;
  // Map marks to day/talk objects in order.
  let prevKind: 'none' | 'conference' | 'day' | 'talk' = 'none';
  let prevLine = fmEnd;
  const flush = (upTo: number) => {
    // Lines prevLine+1 .. upTo-1 belong to the previous mark.
    let first = 0;
    let last = 0;
    for (let l = prevLine + 1; l < upTo; l++) {
      if (blank(l)) continue;
      if (first === 0) first = l;
      last = l;
    }
    if (prevKind === 'talk') {
      const talk = days[dayIndex]!.talks[talkIndex]!;
      talk.end = Math.max(talk.start, last);
      regions.push({
        kind: 'talk',
        start: talk.start,
        end: talk.end,
        day: dayIndex,
        talk: talkIndex,
      });
      return;
    }
    if (first === 0) return;
    if (prevKind === 'day') {
      days[dayIndex]!.intro = { start: first, end: last, skip: [] };
      regions.push({ kind: 'day-intro', start: first, end: last, day: dayIndex });
    } else {
      introRanges.push([first, last]);
      regions.push({ kind: 'conference-intro', start: first, end: last });
    }
  };
  for (const mark of marks) {
    flush(mark.line);
    prevLine = mark.line;
    prevKind = mark.kind;
    if (mark.kind === 'conference') {
      regions.push({ kind: 'conference-heading', start: mark.line, end: mark.line });
    } else if (mark.kind === 'day') {
      dayCursor++;
      dayIndex = dayCursor;
      talkIndex = -1;
      regions.push({ kind: 'day-heading', start: mark.line, end: mark.line, day: dayIndex });
    } else {
      if (dayIndex < 0) {
        // Talks before any day live in the unnamed first day.
        dayCursor = 0;
        dayIndex = 0;
      }
      talkIndex = talkCursor[dayIndex]!++;
    }
  }
  flush(lines.length + 1);

  if (introRanges.length > 0) {
    const start = introRanges[0]![0];
    const end = introRanges.at(-1)![1];
    const skip =
      conference && conference.line > start && conference.line < end ? [conference.line] : [];
    intro = { start, end, skip };
  }

  if (marks.length === 0 && regions.some((r) => r.kind === 'conference-intro')) {
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        introRanges[0]![0],
        1,
        `Unexpected notes without headings, expected \`#\` conference, \`##\` day and \`###\` talk headings; the text is kept as the conference intro`,
      ),
    );
  } else if (conference && days.length === 0) {
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        conference.line,
        1,
        `Unexpected file with only a conference heading, expected \`##\` day and \`###\` talk headings; the text is kept as the conference intro`,
      ),
    );
  }

  return { levels, frontMatter, conference, intro, days, regions, diagnostics };
}

function headingPart(node: Heading): HeadingPart {
  const { title, pinnedId } = splitPinnedId(toString(node));
  return { node, line: node.position!.start.line, title, pinnedId };
}

import {
  DATA_VERSION,
  type Aside,
  type AsideKind,
  type Conference,
  type Day,
  type MarkdownTree,
  type NotesIndex,
  type StatusSummary,
  type TalkStatus,
  type TalkSummary,
} from '../compiler/contract';

// Builders for unit tests: small, readable indexes without the compiler.

function summarize(talks: TalkSummary[]): StatusSummary {
  return {
    talks: talks.length,
    complete: talks.filter((t) => t.status === 'complete').length,
    partial: talks.filter((t) => t.status === 'partial').length,
    empty: talks.filter((t) => t.status === 'empty').length,
    gaps: talks.reduce((sum, t) => sum + t.gaps.total, 0),
  };
}

export function talk(
  conference: string,
  slug: string,
  title: string,
  status: TalkStatus,
  lines: [number, number] = [1, 2],
): TalkSummary {
  const gaps = status === 'complete' ? 0 : status === 'partial' ? 2 : 1;
  return {
    title,
    slug,
    url: `/${conference}/${slug}`,
    status,
    gaps: { total: gaps, byKind: gaps ? { 'empty-section': gaps } : {} },
    lines,
    dataFile: `talks/${conference}/${slug}.0000.json`,
  };
}

export function day(label: string, date: string | null, talks: TalkSummary[]): Day {
  return {
    label,
    date,
    slug: date ?? label,
    line: 1,
    intro: '',
    introLine: null,
    introTree: null,
    talks,
    summary: summarize(talks),
  };
}

export function conference(slug: string, title: string, days: Day[]): Conference {
  return {
    file: `notes/${slug}.md`,
    sourceHash: `hash-of-${slug}`,
    title,
    slug,
    year: null,
    line: 1,
    heading: title,
    intro: '',
    introLine: null,
    introTree: null,
    days,
    asides: [],
    hint: null,
    summary: summarize(days.flatMap((d) => d.talks)),
  };
}

/** An aside at `line` (its body starts on the next line), outside the days unless `day` is given. */
export function aside(
  title: string,
  kind: AsideKind,
  line: number,
  tree: MarkdownTree | null,
  day: string | null = null,
): Aside {
  const slug = title.toLowerCase().replace(/\s+/g, '-');
  return {
    title,
    id: `aside-${slug}`,
    kind,
    line,
    lines: [line, line + 2],
    day,
    markdown: '',
    markdownLine: line + 1,
    tree,
  };
}

export function notesIndex(conferences: Conference[]): NotesIndex {
  return {
    version: DATA_VERSION,
    conferences,
    summary: summarize(conferences.flatMap((c) => c.days.flatMap((d) => d.talks))),
    diagnostics: [],
    searchFile: null,
  };
}

/** Two conferences, three days, six talks of every status. */
export const sampleIndex = notesIndex([
  conference('gopherchina-2017', 'GopherChina 2017', [
    day('4/15', '2017-04-15', [
      talk('gopherchina-2017', 'go-in-tidb', 'Go in TiDB', 'complete'),
      talk('gopherchina-2017', 'nsq-重塑之路', 'NSQ 重塑之路', 'empty'),
      talk('gopherchina-2017', 'go-在證券行情系統中的應用', 'Go 在證券行情系統中的應用', 'partial'),
    ]),
    day('4/16', '2017-04-16', [
      talk('gopherchina-2017', 'the-hidden-pragmas-of-go', "The hidden #pragma's of Go", 'empty'),
    ]),
  ]),
  conference('gophercon-2018', 'GopherCon 2018', [
    day('', null, [
      talk('gophercon-2018', 'keynote', 'Keynote', 'complete'),
      talk('gophercon-2018', 'error-handling', 'Error handling in Go 2', 'partial'),
    ]),
  ]),
]);

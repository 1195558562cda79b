/**
 * The JSON contract between the notes compiler and the reader app.
 *
 * This is the only compiler file the app may import (types only). Every shape
 * written to the data folder is declared here; change it with care, bump
 * `DATA_VERSION` when an old reader could misread new data.
 */

export const DATA_VERSION = 5;

/**
 * Notes as the reader renders them: the mdast tree of the compiler's own parse (remark-parse +
 * remark-gfm, what react-markdown would make of the text), written compactly (see `TreeNode`): no
 * positions, raw HTML or fields that change nothing. The browser gives it back as mdast
 * (`expandTree`, src/lib/expand-tree.ts), renders it with react-markdown and parses no Markdown.
 */
export interface MarkdownTree {
  type: 'root';
  children: TreeNode[];
}

/**
 * A node of a `MarkdownTree`: a text node's text, or any other mdast node as a `TreeElement`.
 * Most of a talk file is its tree, and most of the tree is list items, paragraphs and text:
 * written as objects, their keys weighed more than the notes' own text.
 */
export type TreeNode = string | TreeElement;

/**
 * An mdast node other than text: `[code, line?, fields?, ...rest]`.
 * - `code`: the node's type, shortened for the common ones (`TREE_CODES`; a heading is `h1`–`h6`,
 *   its depth), else the mdast type as is.
 * - `line` (a number): the source line of a heading or list item (talk bodies only: `data-line`
 *   on the page, for gap markers).
 * - `fields` (an object): the node's other mdast fields (`url`, `ordered`, `lang`…).
 * - `rest`: a literal node's `value` (one string: `inlineCode`, `code`), else its children.
 */
export type TreeElement = [code: string, ...rest: (number | TreeFields | TreeNode)[]];

/** The mdast fields of a `TreeElement` besides its type, line, value and children. */
export type TreeFields = { [field: string]: unknown };

/** Short codes of the common mdast types in a `TreeElement` (headings: `h` + depth). */
export const TREE_CODES: Readonly<Record<string, string>> = {
  paragraph: 'p',
  listItem: 'li',
  list: 'l',
  link: 'a',
  inlineCode: 'c',
  strong: 'b',
  emphasis: 'i',
  delete: 's',
  blockquote: 'q',
  code: 'pre',
  table: 't',
  tableRow: 'tr',
  tableCell: 'td',
  break: 'br',
  thematicBreak: 'hr',
  image: 'img',
};

/** mdast types whose `TreeElement` ends with their `value` (a string) instead of children. */
export const TREE_LITERALS: ReadonlySet<string> = new Set([
  'inlineCode',
  'code',
  'html',
  'yaml',
  'toml',
  'math',
  'inlineMath',
]);

/** mdast types without children (a `TreeElement` of any other type stands for a parent). */
export const TREE_VOIDS: ReadonlySet<string> = new Set([
  'break',
  'thematicBreak',
  'image',
  'imageReference',
  'definition',
  'footnoteReference',
]);

/** What is left unfinished. One gap per unfinished thing, not one per empty bullet. */
export type GapKind =
  | 'empty-heading'
  | 'empty-section'
  | 'empty-item'
  | 'empty-references'
  | 'empty-talk'
  | 'empty-link'
  | 'todo';

export const GAP_KINDS: readonly GapKind[] = [
  'empty-talk',
  'empty-section',
  'empty-heading',
  'empty-references',
  'empty-item',
  'empty-link',
  'todo',
];

/** `complete`: no gaps; `partial`: some notes and some gaps; `empty`: no notes of its own. */
export type TalkStatus = 'complete' | 'partial' | 'empty';

export interface Gap {
  kind: GapKind;
  /** 1-based source line in the notes file. */
  line: number;
  /** 1-based source column. */
  column: number;
  /**
   * Last source line of the part a fill-in edits (inclusive), from `line`: the whole talk for
   * `empty-talk`, the section for a heading, the run of bullets, the line of a marker.
   */
  end: number;
  /** Title of the section the gap is in (nearest heading above it inside the talk), or null at talk level. */
  section: string | null;
  /** Id of that section's heading (an `OutlineHeading.id`), or null at talk level. */
  sectionId: string | null;
  /** Anchor id the reader gives the gap marker, unique within the talk: `gap-<line>`. */
  id: string;
  /** One human sentence: what is missing. */
  message: string;
}

/** A heading inside a talk (depth below the talk level), for the table of contents and anchors. */
export interface OutlineHeading {
  /** Slug (github-slugger rules, unique within the talk) or the pinned `{#id}`. */
  id: string;
  /** Plain text, `{#id}` stripped; '' for an empty heading. */
  title: string;
  /** Markdown heading depth (1-6). */
  depth: number;
  /** 1-based source line. */
  line: number;
}

export interface Reference {
  text: string;
  url: string;
  line: number;
}

export interface GapCounts {
  total: number;
  byKind: Partial<Record<GapKind, number>>;
}

export interface StatusSummary {
  talks: number;
  complete: number;
  partial: number;
  empty: number;
  gaps: number;
}

/** A talk as listed in the index: enough for the sidebar, filters and home page. */
export interface TalkSummary {
  title: string;
  slug: string;
  /** App path: `/<conference-slug>/<talk-slug>`. */
  url: string;
  status: TalkStatus;
  gaps: GapCounts;
  /** Inclusive source range, from the talk's heading line to its last non-blank line. */
  lines: [number, number];
  /** Data file of the full talk, relative to the data folder (content-hashed name). */
  dataFile: string;
}

export interface Day {
  /** The heading text as written ('4/15'), or '' for the unnamed group of a file without day headings. */
  label: string;
  /** ISO date (`2017-04-15`) when the label is a date and the year is known, else null. */
  date: string | null;
  /** Unique within the conference. */
  slug: string;
  /** Line of the day heading, or null for the unnamed group. */
  line: number | null;
  /** Markdown between the day heading and its first talk ('' when none). */
  intro: string;
  /** Source line of the intro's first line, or null when there is no intro. */
  introLine: number | null;
  /** The intro as the reader renders it (see `MarkdownTree`), or null when there is none. */
  introTree: MarkdownTree | null;
  talks: TalkSummary[];
  summary: StatusSummary;
}

/**
 * Why a part of a notes file that stands where talks stand is not a talk: a summary or intro,
 * references, a break, swag, next year, a retrospective, a block that repeats a talk word for
 * word, or a heading above the talks that holds notes but no talks (`other`).
 */
export type AsideKind =
  | 'intro'
  | 'summary'
  | 'references'
  | 'break'
  | 'swag'
  | 'next-year'
  | 'retrospective'
  | 'repeat'
  | 'other';

/** A titled part of a conference file that is not a talk; shown on the conference page. */
export interface Aside {
  /** Heading text as written (`{#id}` stripped). */
  title: string;
  /** Anchor id on the conference page (`aside-<slug>`), unique within the conference. */
  id: string;
  kind: AsideKind;
  /** Line of its heading. */
  line: number;
  /** Inclusive source range, from the heading line to the last non-blank line. */
  lines: [number, number];
  /** Slug of the day it stands in, or null when it stands outside the days. */
  day: string | null;
  /** Source lines after the heading line through `lines[1]` ('' when none). */
  markdown: string;
  /** Source line of the first line of `markdown` (`lines[0] + 1`). */
  markdownLine: number;
  /** The body as the reader renders it, or null when there is none. */
  tree: MarkdownTree | null;
}

export interface Conference {
  /**
   * Notes file, relative to the notes folder (of the one file given), `/`-separated (e.g.
   * `gopherchina-2017.md`, `2017/pycon.md`): never where the folder lies on the builder's disk.
   */
  file: string;
  /** SHA-256 (hex) of the notes file's bytes this data was compiled from. */
  sourceHash: string;
  title: string;
  /** From front matter `slug:`, else the file name. Unique across the index. */
  slug: string;
  year: number | null;
  /** Line of the conference heading (`#`), or null when the file has none. */
  line: number | null;
  /** Text of the conference heading (`{#id}` stripped), or null when there is none; differs from `title` when front matter sets the title. */
  heading?: string | null;
  /** Markdown between the conference heading and the first day or talk ('' when none). */
  intro: string;
  introLine: number | null;
  /** The intro as the reader renders it (see `MarkdownTree`), or null when there is none. */
  introTree: MarkdownTree | null;
  days: Day[];
  /** Parts that are not talks (summary, references, breaks…), in source order. */
  asides: Aside[];
  /**
   * One line for a person when no talks were found: what to write (or which front-matter line
   * to add) so that the reader lists them; null when talks were found.
   */
  hint: string | null;
  summary: StatusSummary;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** "Unexpected `x`, expected y" — without the position prefix. */
  message: string;
}

/** `data/index.json`: loaded on every page; small. Not content-hashed (revalidate it). */
export interface NotesIndex {
  version: typeof DATA_VERSION;
  conferences: Conference[];
  summary: StatusSummary;
  diagnostics: Diagnostic[];
  /**
   * The search index's manifest (`SearchManifest`), relative to the data folder, in a folder named
   * by the index's content hash (`search/<hash>/index.json`), or null when not built.
   */
  searchFile: string | null;
}

/**
 * A chunk of search terms, sorted: `[term, { fieldId: [document, frequency, document − previous
 * document, frequency, …] }]` (MiniSearch's postings with the documents in order, as differences:
 * a third of the size of its own `{ document: frequency }` objects).
 */
export type SearchChunk = [string, Record<string, number[]>][];

/**
 * `data/search/<hash>/index.json`: what a search loads first. MiniSearch's scoring data (its
 * `AsPlainObject` without terms, documents numbered 0, 1, … in reading order) and where its terms
 * are: sorted and cut into chunk files (`<i>.json` next to it, each a `SearchChunk`), so a search
 * fetches only the chunks its words fall in. No text is stored: a result's talk comes from
 * `sections`, its text from the talk file.
 */
export interface SearchManifest {
  version: 1;
  documentCount: number;
  /** Number of distinct terms in all chunks. */
  terms: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** The length of field f of document d at `d * fields + f` (fields: as many as `fieldIds`). */
  fieldLength: number[];
  /** How many documents (sections, see `SectionText`) each talk has, talks in the index's order. */
  sections: number[];
  /** The first term of each chunk, sorted (UTF-16 order): chunk i holds the terms from `chunks[i]` to `chunks[i + 1]`. */
  chunks: string[];
}

/**
 * One talk as emitted. Its file, `data/talks/<conference>/<slug>.<hash>.json` (loaded when the
 * talk is opened), holds a `ReaderTalk`: all but `markdown` and `markdownLine`, which only the
 * compiler's own steps read (the search index, the nothing-lost check). The reader renders
 * `tree`, and the fill-in editor asks the dev server for the exact lines.
 */
export interface TalkDocument {
  version: typeof DATA_VERSION;
  conference: { slug: string; title: string; file: string };
  day: { label: string; date: string | null; slug: string };
  title: string;
  slug: string;
  url: string;
  status: TalkStatus;
  lines: [number, number];
  /** The talk's body: source lines after its heading line through `lines[1]`, `{#id}` suffixes removed, line count preserved. Not written to the talk file. */
  markdown: string;
  /** Source line of the first line of `markdown` (`lines[0] + 1`): add (line in markdown - 1) to map back. Not written to the talk file. */
  markdownLine: number;
  /** The body as the reader renders it (see `MarkdownTree`). */
  tree: MarkdownTree;
  outline: OutlineHeading[];
  gaps: Gap[];
  references: Reference[];
}

/**
 * A talk's file (named by `TalkSummary.dataFile`) and what the reader uses of a talk: all but the
 * Markdown text, which it renders from `tree`. Pre-rendered pages and talk bundles carry this much.
 */
export type ReaderTalk = Omit<TalkDocument, 'markdown' | 'markdownLine'>;

import type {
  Aside,
  Diagnostic,
  Gap,
  MarkdownTree,
  OutlineHeading,
  Reference,
  TalkStatus,
} from './contract.ts';
import type { SectionText } from '../lib/search-text.ts';

/** Where a non-blank source line ends up in the output. */
export type RegionKind =
  | 'front-matter'
  | 'conference-heading'
  | 'conference-intro'
  | 'day-heading'
  | 'day-intro'
  | 'talk'
  | 'aside';

/** An inclusive range of source lines (1-based) that lands in one place of the output. */
export interface Region {
  kind: RegionKind;
  start: number;
  end: number;
  /** Index of the day in `CompiledFile.days` (day-heading, day-intro, talk). */
  day?: number;
  /** Index of the talk within its day (talk). */
  talk?: number;
  /** Index of the aside in `CompiledFile.asides` (aside). */
  aside?: number;
}

/** A talk as compiled from one file (slugs unique within the file). */
export interface CompiledTalk {
  title: string;
  slug: string;
  line: number;
  lines: [number, number];
  status: TalkStatus;
  markdown: string;
  tree: MarkdownTree;
  outline: OutlineHeading[];
  gaps: Gap[];
  references: Reference[];
  /** The talk's search text, when asked for (`CompileOptions.searchSections`) and safe to take from the file's parse. */
  searchSections?: SectionText[];
}

export interface CompiledDay {
  label: string;
  date: string | null;
  slug: string;
  line: number | null;
  intro: string;
  introLine: number | null;
  introTree: MarkdownTree | null;
  talks: CompiledTalk[];
}

/** The result of compiling one notes file: pure data, ready for `emit`. */
export interface CompiledFile {
  file: string;
  /** False when the file could not be compiled (unreadable, invalid UTF-8, binary). */
  ok: boolean;
  /** SHA-256 (hex) of the file's bytes ('' when it could not be read). */
  sourceHash: string;
  title: string;
  /** Wanted conference slug (front matter `slug:`, a pinned `{#id}`, else the file name); made unique by emit. */
  slug: string;
  year: number | null;
  line: number | null;
  heading: string | null;
  intro: string;
  introLine: number | null;
  introTree: MarkdownTree | null;
  days: CompiledDay[];
  /** Parts that stand where talks stand but are not talks. */
  asides: Aside[];
  /** One line for a person when no talks were found, else null. */
  hint: string | null;
  /** How the structure was found, for `gaps --explain` (not emitted). */
  explain: { decisions: string[]; alternatives: string[] };
  /** Where every non-blank source line went (for the nothing-lost check). */
  regions: Region[];
  /** Number of source lines. */
  lineCount: number;
  diagnostics: Diagnostic[];
}

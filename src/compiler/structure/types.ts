import type { Heading, List, Paragraph, RootContent } from 'mdast';
import type { AsideKind } from '../contract.ts';

/**
 * A kind of line that can open a talk, a day or a part of a notes file: ATX headings by depth,
 * setext headings by depth, lines that are wholly bold, top-level bullets that start with a link,
 * and plain bullets listed under a heading named for the talks (`# 聞いた発表`, `## Sessions`).
 */
export type LevelKey =
  'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'setext1' | 'setext2' | 'bold' | 'link' | 'bullet';

/** Keys in the order the talk level is looked for: headings first, shallow to deep. */
export const KEY_ORDER: readonly LevelKey[] = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'setext1',
  'setext2',
  'bold',
  'link',
  'bullet',
];

/** True for headings (ATX or setext); false for bold lines and bullets. */
export function isHeadingKey(key: LevelKey): boolean {
  return key.startsWith('h') || key.startsWith('setext');
}

/** Nesting rank of a key: a key of a higher rank can stand inside one of a lower rank. */
export function rankOf(key: LevelKey): number {
  if (key === 'bold') return 7;
  if (key === 'link' || key === 'bullet') return 8;
  if (key.startsWith('setext')) return Number(key.slice(6)) + 0.5;
  return Number(key.slice(1));
}

/** How a key is written, for messages: `##`, setext `---`, bold lines, link bullets. */
export function keyLabel(key: LevelKey): string {
  if (key === 'bold') return 'bold lines';
  if (key === 'link') return 'link bullets';
  if (key === 'bullet') return 'bullets under a heading named for the talks';
  if (key === 'setext1') return 'setext `===` headings';
  if (key === 'setext2') return 'setext `---` headings';
  return `\`${'#'.repeat(Number(key.slice(1)))}\` headings`;
}

/** A line that may open a talk, day or part, found on the parsed file. */
export interface Candidate {
  key: LevelKey;
  /** The node that holds the title: a heading, a paragraph (bold) or a list (link bullet). */
  node: Heading | Paragraph | List;
  /** Index of `node` among the root's children. */
  index: number;
  /** First source line and column of the title. */
  line: number;
  column: number;
  /** Title as the reader shows it: one line, `{#id}` and bold markers stripped. */
  title: string;
  pinnedId: string | null;
  /** True when there is anything between this and the next candidate (of any key). */
  own: boolean;
  /** A bold line whose `**` is never closed (`**C. Title`). */
  unclosed: boolean;
  /** For a link bullet: the link's URL. */
  url: string | null;
}

/** What a candidate was found to be, and why. */
export type Role =
  | { kind: 'conference' }
  | { kind: 'day' }
  | { kind: 'talk' }
  | { kind: 'aside'; aside: AsideKind }
  | { kind: 'content' };

/** One decision of the inference, kept for `gaps --explain`. */
export interface Decision {
  /** Line the decision is about, when it is about one line. */
  line: number | null;
  text: string;
}

/** Front-matter (or folder-wide) overrides of the inference. */
export interface StructureOverride {
  /** Key of the day headings; null: no days. */
  day?: LevelKey | null;
  /** Key of the talks; `file`: the whole file is one talk. */
  talk?: LevelKey | 'file';
}

/** The top-level nodes that a structural line owns: its title node, then its body. */
export interface Owned {
  nodes: RootContent[];
}

import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { splitPinnedId } from '../slugs.ts';
import { isContainerWord } from './vocabulary.ts';
import type { Candidate, LevelKey } from './types.ts';

/** An ATX heading is one line; a setext heading always spans its text and its underline. */
export function isAtxHeading(node: Heading): boolean {
  return node.position !== undefined && node.position.start.line === node.position.end.line;
}

/** A link bullet candidate also knows which item of its list it is. */
export interface ListCandidate extends Candidate {
  node: List;
  item: number;
}

/**
 * Returns every line of the file's top level that may open a talk, day or part, in source
 * order: ATX and setext headings at every depth (not the setext trap, `text` over a lone `-`),
 * paragraphs whose first line is wholly bold (or opens `**` and never closes it), and list
 * items that start with a link. `own` tells whether anything stands between one and the next.
 * Mutates nothing.
 */
export function findCandidates(root: Root, lines: readonly string[]): Candidate[] {
  const found: Candidate[] = [];
  root.children.forEach((node, index) => {
    if (!node.position) return;
    if (node.type === 'heading') {
      const candidate = headingCandidate(node, index, lines);
      if (candidate) found.push(candidate);
    } else if (node.type === 'paragraph') {
      const candidate = boldCandidate(node, index, lines);
      if (candidate) found.push(candidate);
    } else if (node.type === 'list') {
      // Right under `# 聞いた発表` or `## Sessions I attended`, each short bullet may be a talk.
      const previous = root.children[index - 1];
      const named = previous?.type === 'heading' && isContainerWord(toString(previous));
      node.children.forEach((item, i) => {
        const candidate =
          linkCandidate(node, item, i, index) ??
          (named ? bulletCandidate(node, item, i, index) : null);
        if (candidate) found.push(candidate);
      });
    }
  });
  markOwnNotes(found, root, lines);
  return found;
}

/** Returns the title of a node as one line, with its pinned `{#id}` split off. Pure. */
export function titleOf(text: string): { title: string; pinnedId: string | null } {
  // Hugo shortcodes (`{{< span >}}`) are markup of a blog's theme, not words of the title.
  const plain = text.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, ' ').replace(/[ \t]+/g, ' ');
  return splitPinnedId(plain.replace(/\s*\n\s*/g, ' ').trim());
}

function headingCandidate(
  node: Heading,
  index: number,
  lines: readonly string[],
): Candidate | null {
  const pos = node.position!;
  let key: LevelKey;
  if (isAtxHeading(node)) key = `h${node.depth}` as LevelKey;
  else {
    // The setext trap (`text` over a lone `-`) is a bullet gone wrong, not a title.
    if ((lines[pos.end.line - 1] ?? '').trim().length < 2) return null;
    key = node.depth === 1 ? 'setext1' : 'setext2';
  }
  // A setext heading after a link definition starts on the definition's line: its title does not.
  const at = key.startsWith('setext')
    ? (node.children[0]?.position?.start ?? pos.start)
    : pos.start;
  return candidate(key, node, index, at, titleOf(toString(node)));
}

function boldCandidate(node: Paragraph, index: number, lines: readonly string[]): Candidate | null {
  const pos = node.position!;
  const first = node.children[0];
  const source = lines[pos.start.line - 1] ?? '';
  if (first?.type === 'strong' && first.position) {
    const end = first.position.end;
    if (first.position.start.offset !== pos.start.offset || end.line !== pos.start.line)
      return null;
    // Only a colon may follow the bold text on its line: `**A. Keynote**:`.
    if (!/^\s*[:：]?\s*$/.test(source.slice(end.column - 1))) return null;
    const title = titleOf(toString(first));
    if (title.title === '') return null;
    return candidate('bold', node, index, pos.start, title);
  }
  // `**C. Title` with no closing `**`: the parser keeps the stars as text.
  const text = source.trim();
  if (first?.type !== 'text' || !text.startsWith('**') || text.slice(2).includes('**')) return null;
  const title = titleOf(text.slice(2).replace(/^\s+/, ''));
  if (title.title === '' || /^\*/.test(title.title)) return null;
  return candidate('bold', node, index, pos.start, title, { unclosed: true });
}

function linkCandidate(list: List, item: ListItem, i: number, index: number): ListCandidate | null {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || !item.position) return null;
  const link = paragraph.children[0];
  if (link?.type !== 'link' || link.position?.start.offset !== paragraph.position?.start.offset)
    return null;
  // The link is the item's first line (a short tail such as ` - Speaker` may follow).
  const rest = firstLineAfter(paragraph.children.slice(1));
  if (rest.length > 80) return null;
  const title = titleOf(toString(link));
  // A bare URL (`- https://…`) is a reference, not a talk's title.
  if (title.title === '' || title.title === link.url || /^[a-z]+:\/\//i.test(title.title))
    return null;
  return {
    ...candidate('link', list, index, item.position.start, title, { url: link.url }),
    node: list,
    item: i,
  };
}

function bulletCandidate(
  list: List,
  item: ListItem,
  i: number,
  index: number,
): ListCandidate | null {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || !item.position || spansLines(paragraph)) return null;
  const title = titleOf(toString(paragraph));
  if (title.title === '' || title.title.length > 120) return null;
  return { ...candidate('bullet', list, index, item.position.start, title), node: list, item: i };
}

/** A candidate with nothing known yet of what follows it (`own` is set later). */
function candidate(
  key: LevelKey,
  node: Candidate['node'],
  index: number,
  start: { line: number; column: number },
  title: { title: string; pinnedId: string | null },
  more: Partial<Pick<Candidate, 'unclosed' | 'url'>> = {},
): Candidate {
  return {
    key,
    node,
    index,
    line: start.line,
    column: start.column,
    ...title,
    own: false,
    unclosed: false,
    url: null,
    ...more,
  };
}

function firstLineAfter(children: readonly PhrasingContent[]): string {
  return children
    .map((c) => toString(c))
    .join('')
    .split('\n')[0]!
    .trim();
}

/** Sets `own` on each candidate: is there anything between it and the next? Mutates the candidates. */
function markOwnNotes(found: Candidate[], root: Root, lines: readonly string[]): void {
  for (let c = 0; c < found.length; c++) {
    const here = found[c]!;
    const next = found[c + 1];
    if (here.key === 'link' || here.key === 'bullet') {
      const item = (here as ListCandidate).node.children[(here as ListCandidate).item]!;
      here.own = item.children.length > 1 || spansLines(item.children[0]!);
      const nextItem = (here as ListCandidate).item + 1;
      if (!here.own && next?.index !== here.index && nextItem < here.node.children.length)
        here.own = true;
    } else if (here.key === 'bold') {
      here.own = spansLines(here.node);
    }
    if (here.own) continue;
    const stop = next ? next.index : root.children.length;
    for (let i = here.index + 1; i < stop && !here.own; i++) {
      const node = root.children[i]!;
      here.own = node.type !== 'definition' && node.type !== 'yaml' && !isComment(node, lines);
    }
    if (
      !here.own &&
      next &&
      (next.key === 'link' || next.key === 'bullet') &&
      next.index !== here.index
    ) {
      here.own = (next as ListCandidate).item > 0;
    }
  }
}

function spansLines(node: { position?: { start: { line: number }; end: { line: number } } }) {
  return node.position !== undefined && node.position.end.line > node.position.start.line;
}

function isComment(node: Root['children'][number], lines: readonly string[]): boolean {
  if (node.type !== 'html') return false;
  const text = lines.slice(node.position!.start.line - 1, node.position!.end.line).join('\n');
  return /^\s*<!--[\s\S]*-->\s*$/.test(text);
}

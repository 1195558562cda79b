import type { Heading, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Gap, GapKind, Reference, TalkStatus } from './contract.ts';
import { findMarkers, isMetaParagraph } from './markers.ts';
import type { OutlineEntry } from './outline.ts';

/** A references label: the whole text of a list item, paragraph or heading (colon optional). */
const REFERENCE_LABEL = /^(references?|參考(資料)?|参考(资料)?|links|slides)\s*[:：]?$/iu;

export interface TalkAnalysis {
  /** Gaps in report order: `empty-talk` first, then by line and column. */
  gaps: Gap[];
  references: Reference[];
  status: TalkStatus;
}

export interface TalkInput {
  /** Line and column of the talk heading, and the talk's last line. */
  line: number;
  column: number;
  end: number;
  /** True when the talk heading itself has no text. */
  untitled: boolean;
  /** Top-level nodes of the talk after its heading. */
  nodes: readonly RootContent[];
  outline: readonly OutlineEntry[];
  /** Link definitions of the whole file: normalized identifier → url. */
  definitions: ReadonlyMap<string, string>;
}

interface Section {
  heading: OutlineEntry | null;
  blocks: RootContent[];
  children: Section[];
}

/** A run of consecutive empty list items, reported at its first item. */
interface EmptyRun {
  node: ListItem;
  count: number;
  /** The run's last item (where a fill-in of the run ends). */
  last: ListItem;
}

interface SpanResult {
  /** Real notes (not references, not headings' titles, not empty bullets). */
  notes: boolean;
  /** Anything at all besides empty bullets and blank lines (notes, references, labels). */
  anything: boolean;
  /** An all-empty top-level list: the caller decides who owns it. */
  bare: EmptyRun[];
}

/**
 * Returns the gaps, references and status of one talk, worked out on its mdast nodes (never on
 * text). One gap per unfinished thing: an empty heading or section absorbs the empty bullets
 * under it, a run of empty bullets is one gap. Mutates nothing.
 */
export function analyzeTalk(input: TalkInput): TalkAnalysis {
  const gaps: Gap[] = [];
  const references: Reference[] = [];
  const byNode = new Map<Heading, OutlineEntry>(input.outline.map((e) => [e.node, e]));
  const root = buildSections(input.nodes, byNode);

  const addGap = (
    kind: GapKind,
    node: Nodes | null,
    section: OutlineEntry | null,
    message: string,
    end?: number,
  ) => {
    const line = node?.position?.start.line ?? input.line;
    const column = node?.position?.start.column ?? input.column;
    gaps.push({
      kind,
      line,
      column,
      end: Math.max(line, end ?? node?.position?.end.line ?? line),
      section: section ? section.title : null,
      sectionId: section ? section.id : null,
      id: `gap-${line}`,
      message,
    });
  };
  const emptyItemGap = (run: EmptyRun, section: OutlineEntry | null) =>
    addGap(
      'empty-item',
      run.node,
      section,
      run.count === 1 ? 'This bullet is empty.' : `These ${run.count} bullets are empty.`,
      run.last.position?.end.line,
    );

  const linkOf = (node: Nodes): Reference | null => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'link' && node.url.trim() === '') return null; // an `empty-link` gap
    if (node.type === 'link')
      return { text: toString(node).trim() || node.url, url: node.url, line };
    if (node.type === 'linkReference') {
      const url = input.definitions.get(node.identifier);
      return url === undefined ? null : { text: toString(node).trim() || url, url, line };
    }
    return null;
  };
  const countLinks = (node: Nodes): number => {
    if (node.type === 'link') return node.url.trim() === '' ? 0 : 1;
    if (node.type === 'linkReference') return input.definitions.has(node.identifier) ? 1 : 0;
    if (!('children' in node)) return 0;
    let count = 0;
    for (const child of node.children) count += countLinks(child);
    return count;
  };
  /** Collects the links under a node into `references`; returns how many. */
  const collectLinks = (node: Nodes): number => {
    const own = linkOf(node);
    if (own) {
      references.push(own);
      return 1;
    }
    if (!('children' in node)) return 0;
    let count = 0;
    for (const child of node.children) count += collectLinks(child);
    return count;
  };

  /** Walks a list; pushes gaps for empty runs among content and for bare reference labels. */
  const walkList = (
    list: List,
    section: OutlineEntry | null,
    asReferences: boolean,
  ): SpanResult => {
    if (list.children.every(isEmptyItem)) {
      const first = list.children[0];
      return {
        notes: false,
        anything: false,
        bare: first
          ? [{ node: first, count: list.children.length, last: list.children.at(-1)! }]
          : [],
      };
    }
    let notes = false;
    let run: EmptyRun | null = null;
    for (const item of list.children) {
      if (isEmptyItem(item)) {
        if (run) {
          run.count++;
          run.last = item;
        } else run = { node: item, count: 1, last: item };
        continue;
      }
      if (run) emptyItemGap(run, section);
      run = null;
      if (asReferences || isReferenceLabelItem(item)) {
        if (countLinks(item) === 0) {
          // Under a references heading the heading reports it; empty sub-bullets are absorbed.
          if (!asReferences) {
            addGap('empty-references', item, section, `\`${labelText(item)}\` has no link yet.`);
          }
          continue;
        }
        for (const child of item.children) {
          if (child.type !== 'list') {
            collectLinks(child);
            continue;
          }
          const inner = walkList(child, section, true);
          for (const r of inner.bare) emptyItemGap(r, section);
        }
        continue;
      }
      for (const child of item.children) {
        if (child.type === 'list') {
          const inner = walkList(child, section, false);
          notes ||= inner.notes;
          // An all-empty sub-list under a real bullet is unfinished on its own.
          for (const r of inner.bare) emptyItemGap(r, section);
        } else notes ||= isNotes(child);
      }
    }
    if (run) emptyItemGap(run, section);
    return { notes, anything: true, bare: [] };
  };

  /** Analyzes a section's own blocks (before its first sub-heading). */
  const walkBlocks = (section: Section, asReferences: boolean): SpanResult => {
    const at = section.heading;
    const result: SpanResult = { notes: false, anything: false, bare: [] };
    const blocks = section.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'list') {
        const r = walkList(block, at, asReferences);
        result.notes ||= r.notes && !asReferences;
        result.anything ||= r.anything;
        result.bare.push(...r.bare);
        continue;
      }
      if (asReferences) {
        if (collectLinks(block) > 0 || hasNotes(block)) result.anything = true;
        continue;
      }
      if (block.type === 'paragraph' && isReferenceLabelParagraph(block)) {
        // `References:` followed by a list: the list is the references.
        result.anything = true;
        const next = blocks[i + 1]?.type === 'list' ? (blocks[++i] as List) : null;
        const found = countLinks(block) + (next ? countLinks(next) : 0);
        if (found > 0) {
          collectLinks(block);
          if (next) for (const run of walkList(next, at, true).bare) emptyItemGap(run, at);
        }
        if (found === 0)
          addGap(
            'empty-references',
            block,
            at,
            `\`${toString(block).trim()}\` has no link yet.`,
            (next ?? block).position?.end.line,
          );
        continue;
      }
      if (hasNotes(block)) {
        result.notes ||= isNotes(block);
        result.anything = true;
      } else if (block.type === 'definition' || block.type === 'footnoteDefinition') {
        result.anything = true;
      }
    }
    return result;
  };

  const walkSection = (section: Section, inReferences: boolean): SpanResult => {
    const heading = section.heading;
    const isReferences = inReferences || (heading !== null && REFERENCE_LABEL.test(heading.title));
    const before = references.length;
    const own = walkBlocks(section, isReferences);
    let notes = own.notes;
    let anything = own.anything;
    for (const child of section.children) {
      const r = walkSection(child, isReferences);
      notes ||= r.notes;
      anything ||= r.anything;
    }
    if (heading === null) return { notes, anything, bare: own.bare };

    const end = sectionEnd(section);
    if (heading.title === '') {
      addGap('empty-heading', heading.node, heading, 'This heading has no text.', end);
      // Empty bullets under an empty heading belong to this one gap.
    } else if (isReferences && !inReferences && references.length === before) {
      addGap(
        'empty-references',
        heading.node,
        heading,
        `\`${heading.title}\` has no link yet.`,
        end,
      );
    } else if (!anything) {
      addGap(
        'empty-section',
        heading.node,
        heading,
        `Section \`${heading.title}\` has no notes yet.`,
        end,
      );
    } else {
      for (const run of own.bare) emptyItemGap(run, heading);
    }
    // A titled heading counts as something in its parent's span, never as notes.
    return { notes, anything: anything || heading.title !== '', bare: [] };
  };

  const result = walkSection(root, false);
  for (const marker of findMarkers(input.nodes)) {
    const section = input.outline.findLast((e) => e.line < marker.line) ?? null;
    gaps.push({
      ...marker,
      end: marker.line,
      section: section ? section.title : null,
      sectionId: section ? section.id : null,
      id: `gap-${marker.line}`,
    });
  }
  if (input.untitled) addGap('empty-heading', null, null, 'This talk heading has no title.');
  if (!result.notes) {
    const message =
      references.length > 0
        ? 'This talk has no notes of its own yet, only references.'
        : 'This talk has no notes yet.';
    gaps.unshift({
      kind: 'empty-talk',
      line: input.line,
      column: input.column,
      end: input.end,
      section: null,
      sectionId: null,
      id: `gap-${input.line}`,
      message,
    });
  } else {
    for (const run of result.bare) emptyItemGap(run, null);
  }

  const [first, ...rest] = gaps;
  const ordered =
    first?.kind === 'empty-talk' ? [first, ...rest.sort(byPosition)] : gaps.sort(byPosition);
  uniqueIds(ordered);
  const status: TalkStatus = ordered.length === 0 ? 'complete' : result.notes ? 'partial' : 'empty';
  return { gaps: ordered, references, status };
}

function byPosition(a: Gap, b: Gap): number {
  return a.line - b.line || a.column - b.column;
}

/** Makes gap ids unique within the talk (`gap-12`, `gap-12-2`); mutates the gaps. */
function uniqueIds(gaps: Gap[]): void {
  const seen = new Map<string, number>();
  for (const gap of gaps) {
    const n = (seen.get(gap.id) ?? 0) + 1;
    seen.set(gap.id, n);
    if (n > 1) gap.id = `${gap.id}-${n}`;
  }
}

/** The last line of a section: its heading's, or its last block's or sub-section's. */
function sectionEnd(section: Section): number {
  let end = section.heading?.line ?? 0;
  for (const block of section.blocks) end = Math.max(end, block.position?.end.line ?? 0);
  for (const child of section.children) end = Math.max(end, sectionEnd(child));
  return end;
}

/** Returns the section tree of a talk's nodes: each heading owns what follows until a heading of depth <= its own. */
function buildSections(
  nodes: readonly RootContent[],
  byNode: ReadonlyMap<Heading, OutlineEntry>,
): Section {
  const root: Section = { heading: null, blocks: [], children: [] };
  const stack: Section[] = [root];
  for (const node of nodes) {
    if (node.type !== 'heading') {
      stack.at(-1)!.blocks.push(node);
      continue;
    }
    while (stack.length > 1 && stack.at(-1)!.heading!.depth >= node.depth) stack.pop();
    const section: Section = { heading: byNode.get(node)!, blocks: [], children: [] };
    stack.at(-1)!.children.push(section);
    stack.push(section);
  }
  return root;
}

/** True when a list item holds nothing: no text, only empty sub-lists (or hidden raw HTML). */
export function isEmptyItem(item: ListItem): boolean {
  for (const child of item.children) {
    if (child.type === 'list') {
      if (!child.children.every(isEmptyItem)) return false;
    } else if (child.type === 'paragraph') {
      if (hasNotes(child)) return false;
    } else if (child.type !== 'html') return false; // raw HTML is hidden in the reader
  }
  return true;
}

/** True when the paragraph's (or heading's) text, links aside, is only a references label. */
export function isReferenceLabelParagraph(paragraph: Paragraph | Heading): boolean {
  let text = '';
  for (const child of paragraph.children) {
    if (child.type === 'link' || child.type === 'linkReference') continue;
    text += toString(child);
  }
  return REFERENCE_LABEL.test(text.trim());
}

function isReferenceLabelItem(item: ListItem): boolean {
  const first = item.children[0];
  // A heading counts too: `- Reference` followed by an indented lone `-` is a setext heading.
  return (
    (first?.type === 'paragraph' || first?.type === 'heading') && isReferenceLabelParagraph(first)
  );
}

function labelText(item: ListItem): string {
  return toString(item.children[0]!).trim();
}

/** True when a block holds real notes (text, code, a table, an image…). */
export function hasNotes(node: Nodes): boolean {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      // Inline HTML tags are dropped by the reader: `<svg>…</svg>` alone shows nothing.
      return toString(node, { includeHtml: false }).trim() !== '' || containsImage(node);
    case 'code':
    case 'inlineCode':
    case 'text':
      return node.value.trim() !== '';
    case 'html':
      // Raw HTML is not notes: the reader does not show it (inline tags drop, their text stays).
      return false;
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
    case 'break':
      return false;
    case 'list':
      return node.children.some(
        (item) => !isReferenceLabelItem(item) && item.children.some(hasNotes),
      );
    default:
      if ('children' in node) return node.children.some((child: Nodes) => hasNotes(child));
      return 'value' in node && typeof node.value === 'string' && node.value.trim() !== '';
  }
}

/** Notes of one's own: not a line that only says who, when, where, tags or links (see `isMetaParagraph`). */
function isNotes(node: Nodes): boolean {
  return hasNotes(node) && !(node.type === 'paragraph' && isMetaParagraph(node));
}

function containsImage(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && node.children.some((child: Nodes) => containsImage(child));
}

/**
 * The plain text of a talk's sections, as the search index sees it. Shared by the compiler (which
 * indexes it from the nodes of its one parse) and the search worker (which reads it from a talk
 * file's `tree` for snippets): both give the same sections, in the same order, so a document
 * number of the index points at the same section in both.
 */
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { OutlineHeading } from '../compiler/contract';

/** What the reader shows of inline content: raw HTML is not rendered, image alt text is. */
const TEXT_ONLY = { includeHtml: false, includeImageAlt: true };

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Calls `emit(node, text)` for each block of visible text under `node`, in reading order: paragraphs,
 * headings, code, table rows. Raw HTML is not rendered by the reader, so it is not indexed either.
 */
function walkBlocks(node: Nodes, emit: (node: Nodes, text: string) => void): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      emit(node, collapse(toString(node, TEXT_ONLY)));
      return;
    case 'code':
      emit(node, collapse(node.value));
      return;
    case 'tableRow':
      emit(node, collapse(node.children.map((cell) => toString(cell, TEXT_ONLY)).join(' ')));
      return;
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'table':
    case 'footnoteDefinition':
      for (const child of node.children) walkBlocks(child, emit);
      return;
    default:
      return;
  }
}

/** The plain text of one section of a talk. */
export interface SectionText {
  /** Outline heading id, or null for the talk's intro (the text before its first heading). */
  headingId: string | null;
  heading: string;
  /** Blocks of visible text joined by `\n`. */
  body: string;
}

/**
 * Returns a heading's line in the notes file: from its position (the compiler's parse), else the
 * source line a talk file's tree keeps in `data.hProperties.dataLine`.
 */
function headingLine(node: Nodes, lineOffset: number): number | undefined {
  if (node.position) return node.position.start.line + lineOffset;
  const line = (node.data as { hProperties?: { dataLine?: unknown } } | undefined)?.hProperties
    ?.dataLine;
  return typeof line === 'number' ? line : undefined;
}

/**
 * Returns the plain text of a talk's sections, in reading order: the intro (always, even empty),
 * then one per outline heading that has a title or text. `nodes` are the talk body's block nodes,
 * from the compiler's parse (`lineOffset` turns their lines into the notes file's lines of
 * `outline`; 0 for the parse of the whole file) or a talk file's `tree`. Does not mutate.
 */
export function sectionTexts(
  nodes: readonly RootContent[],
  outline: readonly OutlineHeading[],
  lineOffset = 0,
): SectionText[] {
  const headingAt = new Map(outline.map((heading) => [heading.line, heading]));
  const sections: { headingId: string | null; heading: string; blocks: string[] }[] = [
    { headingId: null, heading: '', blocks: [] },
  ];
  const emit = (node: Nodes, text: string) => {
    const line = node.type === 'heading' ? headingLine(node, lineOffset) : undefined;
    const heading = line !== undefined ? headingAt.get(line) : undefined;
    if (heading) {
      sections.push({ headingId: heading.id, heading: heading.title, blocks: [] });
    } else if (text) {
      sections[sections.length - 1].blocks.push(text);
    }
  };
  for (const node of nodes) walkBlocks(node, emit);
  return sections
    .filter((section, index) => index === 0 || section.heading || section.blocks.length > 0)
    .map(({ headingId, heading, blocks }) => ({ headingId, heading, body: blocks.join('\n') }));
}

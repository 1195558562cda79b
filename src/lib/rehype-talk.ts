import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { Gap, OutlineHeading } from '../compiler/contract';

export interface RehypeTalkOptions {
  outline: readonly OutlineHeading[];
  gaps: readonly Gap[];
}

const HEADING = /^h([1-6])$/;

/** A placeholder element the reader renders as a gap marker (`span[data-gap]`, never made by markdown). */
function marker(gap: Gap, placement: 'inline' | 'block'): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { id: gap.id, dataGap: gap.kind, dataLine: gap.line, dataPlacement: placement },
    children: [],
  };
}

/**
 * Rehype plugin for a talk body (a `MarkdownTree`, whose headings and list items carry their
 * source line as `dataLine`). Mutates the tree: gives headings their outline ids (matched by
 * source line) and shifts their level so the talk's top sections are `<h2>` under the page's `<h1>`;
 * inserts a gap marker where each gap is (unplaceable ones and `empty-talk` at the top).
 */
export function rehypeTalk(options: RehypeTalkOptions) {
  const { outline, gaps } = options;
  const headingAt = new Map(outline.map((h) => [h.line, h]));
  const minDepth = outline.length ? Math.min(...outline.map((h) => h.depth)) : 2;
  const shift = minDepth - 2;

  return (tree: Root) => {
    const sourceLine = (node: Element) =>
      typeof node.properties.dataLine === 'number' ? node.properties.dataLine : null;
    const headings = new Map<number, { node: Element; parent: Root | Element }>();
    const items = new Map<number, Element>();

    visit(tree, 'element', (node, _index, parent) => {
      const line = sourceLine(node);
      const level = HEADING.exec(node.tagName);
      if (level && line !== null && parent) {
        const heading = headingAt.get(line);
        if (heading) node.properties.id = heading.id;
        node.properties.dataLine = line;
        const depth = Math.min(6, Math.max(2, Number(level[1]) - shift));
        node.tagName = `h${depth}`;
        headings.set(line, { node, parent });
      } else if (node.tagName === 'li' && line !== null) {
        // The line is for finding the item, not for the page.
        delete node.properties.dataLine;
        if (!items.has(line)) items.set(line, node);
      }
    });

    const top: Element[] = [];
    for (const gap of gaps) {
      const heading = headings.get(gap.line);
      const item = items.get(gap.line);
      if (gap.kind === 'empty-heading' && heading) {
        heading.node.children.push(marker(gap, 'inline'));
      } else if (gap.kind === 'empty-section' && heading) {
        const siblings = heading.parent.children as RootContent[];
        siblings.splice(siblings.indexOf(heading.node) + 1, 0, marker(gap, 'block'));
      } else if (item && gap.kind !== 'empty-talk') {
        insertIntoItem(item, marker(gap, 'inline'));
      } else if (heading && gap.kind !== 'empty-talk') {
        heading.node.children.push(marker(gap, 'inline'));
      } else {
        top.push(marker(gap, 'block'));
      }
    }
    tree.children.unshift(...top);
  };
}

/** Puts the marker after the item's own text, before any nested list. */
function insertIntoItem(item: Element, mark: Element) {
  const nested = item.children.findIndex(
    (child) => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'),
  );
  if (nested === -1) item.children.push(mark);
  else item.children.splice(nested, 0, mark as ElementContent);
}

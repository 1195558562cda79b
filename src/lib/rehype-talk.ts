import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { Gap, OutlineHeading } from '../compiler/contract';

export interface RehypeTalkOptions {
  outline: readonly OutlineHeading[];
  gaps: readonly Gap[];
}

const HEADING = /^h([1-6])$/;

/** A placeholder element the reader renders as a gap marker (`span[data-gap]`, never made by markdown). */
function marker(gap: Gap, placement: 'inline' | 'block' | 'heading'): Element {
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
 * inserts a gap marker where each gap is (one on an unmarked line after its section's heading,
 * unplaceable ones and `empty-talk` at the top).
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

    const byId = new Map<string, { node: Element; parent: Root | Element }>();
    for (const heading of headings.values()) {
      const id = heading.node.properties.id;
      if (typeof id === 'string') byId.set(id, heading);
    }
    const section = (gap: Gap) => (gap.sectionId === null ? undefined : byId.get(gap.sectionId));

    const top: Element[] = [];
    for (const gap of gaps) {
      const heading = headings.get(gap.line);
      const item = items.get(gap.line);
      if (gap.kind === 'empty-heading' && heading) {
        heading.node.children.push(marker(gap, 'heading'));
      } else if (gap.kind === 'empty-section' && heading) {
        insertAfterHeading(heading, marker(gap, 'block'));
      } else if (item && gap.kind !== 'empty-talk') {
        insertIntoItem(item, marker(gap, 'inline'));
      } else if (heading && gap.kind !== 'empty-talk') {
        heading.node.children.push(marker(gap, 'heading'));
      } else if (section(gap) && gap.kind !== 'empty-talk') {
        // On a line the tree does not mark (a paragraph's `TODO`, an empty link in running
        // text): at the start of its section rather than at the top of the talk.
        insertAfterHeading(section(gap)!, marker(gap, 'block'));
      } else {
        top.push(marker(gap, 'block'));
      }
    }
    tree.children.unshift(...top);
  };
}

/** Puts a block marker after the heading and after the markers already there (in gap order). */
function insertAfterHeading(heading: { node: Element; parent: Root | Element }, mark: Element) {
  const siblings = heading.parent.children as RootContent[];
  let at = siblings.indexOf(heading.node) + 1;
  while (at < siblings.length && isMarker(siblings[at]!)) at += 1;
  siblings.splice(at, 0, mark);
}

function isMarker(node: RootContent): boolean {
  return (
    node.type === 'element' && node.tagName === 'span' && node.properties.dataGap !== undefined
  );
}

/** Puts the marker after the item's own text, before any nested list. */
function insertIntoItem(item: Element, mark: Element) {
  const nested = item.children.findIndex(
    (child) => child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol'),
  );
  if (nested === -1) item.children.push(mark);
  else item.children.splice(nested, 0, mark as ElementContent);
}

import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { OutlineHeading } from './contract.ts';
import { headingIds, splitPinnedId } from './slugs.ts';

/** An outline heading plus the node it came from and its pinned id (null when none). */
export interface OutlineEntry extends OutlineHeading {
  node: Heading;
  pinnedId: string | null;
}

/**
 * Returns the section headings of a talk (its top-level heading nodes, in order) with unique
 * ids: pinned `{#id}` honored, github-slugger ids per talk, `untitled` for empty headings.
 * Mutates nothing.
 */
export function buildOutline(nodes: readonly RootContent[]): OutlineEntry[] {
  const headings: { node: Heading; title: string; pinnedId: string | null }[] = [];
  for (const node of nodes) {
    if (node.type !== 'heading') continue;
    headings.push({ node, ...splitPinnedId(toString(node)) });
  }
  const ids = headingIds(headings);
  return headings.map((h, i) => ({
    id: ids[i]!,
    title: h.title,
    depth: h.node.depth,
    line: h.node.position!.start.line,
    node: h.node,
    pinnedId: h.pinnedId,
  }));
}

/** Returns the plain outline for the JSON (no nodes). Mutates nothing. */
export function plainOutline(entries: readonly OutlineEntry[]): OutlineHeading[] {
  return entries.map(({ id, title, depth, line }) => ({ id, title, depth, line }));
}

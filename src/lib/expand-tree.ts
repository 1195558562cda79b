import type { Root, RootContent } from 'mdast';
import {
  TREE_CODES,
  TREE_LITERALS,
  TREE_VOIDS,
  type MarkdownTree,
  type TreeNode,
} from '../compiler/contract.ts';

/** mdast type of each short code of `TREE_CODES`. */
const TYPE_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(TREE_CODES).map(([type, code]) => [code, type]),
);

const HEADING = /^h([1-6])$/;

/**
 * Returns the mdast tree a compact `MarkdownTree` stands for: text nodes as `{ type: 'text' }`,
 * elements as mdast objects, a `line` as `data.hProperties.dataLine` (what mdast-util-to-hast
 * turns into `data-line`). A new tree each call (react-markdown's steps may not keep it); does not
 * mutate `tree`.
 */
export function expandTree(tree: MarkdownTree): Root {
  return { type: 'root', children: tree.children.map(expandNode) as RootContent[] };
}

function isFields(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}

/** Copies a `TreeFields` onto a node, never its type, children, data or prototype (a tampered file). Mutates `out`. */
function copyFields(out: Record<string, unknown>, fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) {
    if (key === 'type' || key === 'children' || key === 'data' || key === '__proto__') continue;
    out[key] = fields[key];
  }
}

function expandNode(node: TreeNode): unknown {
  if (typeof node === 'string') return { type: 'text', value: node };
  const [code, ...rest] = node;
  const heading = HEADING.exec(code);
  const type = heading ? 'heading' : (TYPE_OF.get(code) ?? code);
  const out: Record<string, unknown> = heading ? { type, depth: Number(heading[1]) } : { type };
  let at = 0;
  const line = typeof rest[0] === 'number' ? rest[at++] : undefined;
  if (isFields(rest[at])) copyFields(out, rest[at++] as Record<string, unknown>);
  if (TREE_LITERALS.has(type)) out.value = typeof rest[at] === 'string' ? rest[at] : '';
  else if (!TREE_VOIDS.has(type)) out.children = (rest.slice(at) as TreeNode[]).map(expandNode);
  if (line !== undefined) out.data = { hProperties: { dataLine: line } };
  return out;
}

import type { Root, RootContent } from 'mdast';
import type { MarkdownTree, TreeNode } from '../compiler/contract';

/**
 * Returns the mdast tree a compact `MarkdownTree` stands for: text nodes as `{ type: 'text' }`,
 * a `line` as `data.hProperties.dataLine` (what mdast-util-to-hast turns into `data-line`).
 * A new tree each call (react-markdown's steps may not keep it); does not mutate `tree`.
 */
export function expandTree(tree: MarkdownTree): Root {
  return { type: 'root', children: tree.children.map(expandNode) as RootContent[] };
}

function expandNode(node: TreeNode): unknown {
  if (typeof node === 'string') return { type: 'text', value: node };
  const { children, line, ...rest } = node;
  const out: Record<string, unknown> = rest;
  if (children) out.children = children.map(expandNode);
  if (line !== undefined) out.data = { hProperties: { dataLine: line } };
  return out;
}

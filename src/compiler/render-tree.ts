import type { Definition, Heading, Nodes, RootContent } from 'mdast';
import {
  TREE_CODES,
  TREE_LITERALS,
  type MarkdownTree,
  type TreeElement,
  type TreeFields,
  type TreeNode,
} from './contract.ts';

/** What a render tree needs to know besides the nodes. */
export interface RenderTreeOptions {
  /** Give headings and list items their source line (`data-line`), as a talk's gap markers need. */
  lines?: boolean;
  /** Pinned ids to take out of heading text (`{#id}` is an address, not text), by heading node. */
  pins?: ReadonlyMap<Heading, string>;
  /**
   * The file's link definitions by identifier: a reference in these nodes whose definition
   * stands elsewhere in the file gets a copy, so it renders as the link it is.
   */
  definitions?: ReadonlyMap<string, Definition>;
}

type AnyNode = Nodes & { children?: Nodes[]; data?: unknown; position?: unknown };

/**
 * Returns the fields of a node a `TreeElement` keeps: all but its type, position, data, children,
 * a literal's value and a heading's depth (both written elsewhere), and what
 * mdast-util-to-hast reads the same when absent (a talk file is smaller without): every null, a
 * list's `ordered` and `spread` when false, a list item's `spread` when false and it has one child
 * at most (absent, it means "more than one child"). Null when none is left.
 */
function keptFields(node: AnyNode): TreeFields | null {
  let fields: TreeFields | null = null;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'position' || key === 'data' || key === 'children') continue;
    if (key === 'value' && TREE_LITERALS.has(node.type)) continue;
    if (key === 'depth' && node.type === 'heading') continue;
    if (value === null) continue;
    if (node.type === 'list' && value === false) continue;
    if (node.type === 'listItem' && key === 'spread' && !value && node.children!.length <= 1) {
      continue;
    }
    (fields ??= {})[key] = value;
  }
  return fields;
}

/** Returns a node's `TreeElement` code: `h` + depth for a heading, else its short code or its type. */
function codeOf(node: AnyNode): string {
  if (node.type === 'heading') return `h${node.depth}`;
  return TREE_CODES[node.type] ?? node.type;
}

/**
 * Returns the nodes as the tree the reader renders (react-markdown is handed this tree, never
 * Markdown text: what the compiler classified is what is shown, and the browser needs no parser).
 * A compact copy (see `MarkdownTree`): no positions, raw HTML (the reader shows none) or fields
 * that change nothing, text nodes as their text; with `lines`, headings and list items keep their
 * source line for gap markers and heading ids. Does not mutate.
 */
export function renderTree(
  nodes: readonly RootContent[],
  options: RenderTreeOptions = {},
): MarkdownTree {
  const defined = new Set<string>();
  const referenced = new Set<string>();
  const copy = (node: AnyNode): TreeNode | null => {
    if (node.type === 'html') return null;
    // Most nodes are text: a string is a quarter of `{"type":"text","value":…}`.
    if (node.type === 'text') return node.value;
    if (node.type === 'definition') defined.add(node.identifier);
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      referenced.add(node.identifier);
    }
    const out: TreeElement = [codeOf(node)];
    const line = (node.position as { start?: { line?: number } } | undefined)?.start?.line;
    if (
      options.lines &&
      (node.type === 'heading' || node.type === 'listItem') &&
      line !== undefined
    ) {
      out.push(line);
    }
    const fields = keptFields(node);
    if (fields) out.push(fields);
    if (TREE_LITERALS.has(node.type)) {
      out.push((node as { value: string }).value);
    } else if (node.children) {
      const children = copyAll(node.children);
      const pin = node.type === 'heading' ? options.pins?.get(node) : undefined;
      if (pin !== undefined) removePin(children, pin);
      out.push(...children);
    }
    return out;
  };
  // Not `flatMap`: an element is an array, which it would spread.
  const copyAll = (list: readonly Nodes[]): TreeNode[] => {
    const copies: TreeNode[] = [];
    for (const node of list) {
      const copied = copy(node as AnyNode);
      if (copied !== null) copies.push(copied);
    }
    return copies;
  };
  const children = copyAll(nodes);
  for (const identifier of referenced) {
    const definition = options.definitions?.get(identifier);
    if (definition && !defined.has(identifier)) children.push(copy(definition as AnyNode)!);
  }
  return { type: 'root', children };
}

/** Takes `{#id}` (and the blanks before it) off the end of a copied heading's last text. Mutates `children`. */
function removePin(children: TreeNode[], pin: string): void {
  const marker = `{#${pin}}`;
  for (let i = children.length - 1; i >= 0; i -= 1) {
    const child = children[i]!;
    if (typeof child !== 'string') continue;
    const at = child.lastIndexOf(marker);
    if (at < 0) return;
    const value = (child.slice(0, at) + child.slice(at + marker.length)).trimEnd();
    if (value === '') children.splice(i, 1);
    else children[i] = value;
    return;
  }
}

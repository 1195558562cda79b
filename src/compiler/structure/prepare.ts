import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { ListCandidate } from './candidates.ts';
import type { Candidate } from './types.ts';

/**
 * Returns the root's children with each structural bold line and link bullet standing alone,
 * so that a talk's body is, as for a heading, the nodes after its title node: a bold line's
 * paragraph is cut after its first line; a list is cut before each structural item, whose
 * nested blocks move up to the top level. Also returns the title node of every candidate.
 * New nodes are made for what is cut; the others are shared. Mutates nothing.
 */
export function prepareRoot(
  root: Root,
  marks: readonly Candidate[],
): { children: RootContent[]; titleNodes: Map<Candidate, RootContent> } {
  const titleNodes = new Map<Candidate, RootContent>();
  const byIndex = new Map<number, Candidate[]>();
  for (const c of marks) {
    const list = byIndex.get(c.index);
    if (list) list.push(c);
    else byIndex.set(c.index, [c]);
  }
  const children: RootContent[] = [];
  root.children.forEach((node, index) => {
    const here = byIndex.get(index);
    if (!here) return void children.push(node);
    if (node.type === 'list' && (here[0]!.key === 'link' || here[0]!.key === 'bullet')) {
      children.push(...cutList(node, here as ListCandidate[], titleNodes));
    } else if (node.type === 'paragraph' && here[0]!.key === 'bold') {
      const [head, tail] = cutParagraph(node);
      titleNodes.set(here[0]!, head);
      children.push(head);
      if (tail) children.push(tail);
    } else {
      titleNodes.set(here[0]!, node);
      children.push(node);
    }
  });
  return { children, titleNodes };
}

function cutList(
  list: List,
  marks: readonly ListCandidate[],
  titleNodes: Map<Candidate, RootContent>,
): RootContent[] {
  const out: RootContent[] = [];
  const markAt = new Map(marks.map((m) => [m.item, m]));
  let run: ListItem[] = [];
  const flush = () => {
    if (run.length > 0) out.push(segment(list, run));
    run = [];
  };
  list.children.forEach((item, i) => {
    const mark = markAt.get(i);
    if (!mark) return void run.push(item);
    flush();
    const [first, ...rest] = item.children;
    const titleItem: ListItem = { ...item, children: first ? [first] : [] };
    if (first?.position && item.position)
      titleItem.position = { start: item.position.start, end: first.position.end };
    const title = segment(list, [titleItem]);
    titleNodes.set(mark, title);
    out.push(title, ...rest);
  });
  flush();
  return out;
}

/** A list of some of another list's items, with its kind and looseness. */
function segment(list: List, items: ListItem[]): List {
  const first = items[0]!.position;
  const last = items.at(-1)!.position;
  const out: List = { ...list, children: items };
  if (first && last) out.position = { start: first.start, end: last.end };
  if (list.ordered && list.start != null) out.start = list.start + list.children.indexOf(items[0]!);
  return out;
}

/** Cuts a paragraph after its first line (at the first soft or hard line break). */
function cutParagraph(p: Paragraph): [Paragraph, Paragraph | null] {
  const pos = p.position;
  for (let i = 0; i < p.children.length; i++) {
    const child = p.children[i]!;
    let head: PhrasingContent[] | null = null;
    let tail: PhrasingContent[] = [];
    if (child.type === 'break') {
      head = p.children.slice(0, i);
      tail = p.children.slice(i + 1);
    } else if (child.type === 'text' && child.value.includes('\n')) {
      const at = child.value.indexOf('\n');
      const before = child.value.slice(0, at);
      const after = child.value.slice(at + 1);
      head = [...p.children.slice(0, i), ...(before ? [{ ...child, value: before }] : [])];
      tail = [
        ...(after ? [{ type: 'text' as const, value: after }] : []),
        ...p.children.slice(i + 1),
      ];
    }
    if (head === null) continue;
    if (!pos || tail.length === 0) return [{ ...p, children: head }, null];
    const firstLine: Position = {
      start: pos.start,
      end: { line: pos.start.line, column: pos.start.column },
    };
    const rest: Position = { start: { line: pos.start.line + 1, column: 1 }, end: pos.end };
    return [
      { ...p, children: head, position: firstLine },
      { type: 'paragraph', children: tail, position: rest },
    ];
  }
  return [p, null];
}

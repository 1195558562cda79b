import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One frozen processor: the same parser react-markdown renders with, plus YAML front matter.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .freeze();

/**
 * Texts longer than this are parsed in pieces. micromark copies its whole event list each time
 * a list or quote closes (`document.js` → `EditMap.consume`), so one big file costs the square of
 * its size: 5 MB of notes took minutes in one piece and takes seconds in pieces.
 */
const CHUNK_ABOVE = 64 * 1024;

export interface ParseOptions {
  /** Parse in pieces when the text is longer than this many characters (default 64 Ki). */
  chunkAbove?: number;
  /** Smallest piece, in characters (default 16 Ki); tests set it low to split small texts. */
  pieceSize?: number;
}

/**
 * Returns the mdast tree of the text, positions kept. Long texts are parsed in pieces split
 * before column-0 ATX headings that no open fence, HTML block or front matter can swallow; such
 * a heading closes every open block, so each piece parses as it would in the whole text. Link
 * and footnote definitions are document-wide, so a piece that may use another piece's
 * definitions is parsed again with them appended (and the appended nodes dropped). When any of
 * that cannot be done safely, the text is parsed in one piece. Mutates nothing.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  if (text.length <= (options.chunkAbove ?? CHUNK_ABOVE)) return processor.parse(text);
  const lines = text.split('\n');
  const scan = scanSplits(lines);
  if (scan.splits.length === 0) return processor.parse(text);
  return parseInPieces(text, lines, scan, options.pieceSize ?? 16 * 1024) ?? processor.parse(text);
}

interface Scan {
  /** 0-based line indexes where a new piece may start (each > 0). */
  splits: number[];
  /** Whether the text ends inside a fence, HTML block or front matter. */
  openAtEnd: boolean;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_START = /^ {0,3}</;
/** HTML blocks of CommonMark kinds 1-5 run to an end marker (across blank lines), not to a blank line. */
const HTML_UNTIL_MARKER: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Returns where the text may be split: lines that start a column-0 ATX heading while no
 * top-level fence, HTML block or front matter is open. Errs on the side of not splitting (a
 * fence-like line inside a list item is taken as a fence). Mutates nothing.
 */
function scanSplits(lines: readonly string[]): Scan {
  const splits: number[] = [];
  let i = 0;
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    // Front matter: no split before its closing fence; unclosed, no split at all.
    i = 1;
    while (i < lines.length && !/^---[ \t]*$/.test(lines[i]!)) i++;
    if (i >= lines.length) return { splits: [], openAtEnd: true };
    i++;
  }
  let fence: { char: string; size: number } | null = null;
  let html: RegExp | 'blank' | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.size) fence = null;
      continue;
    }
    if (html) {
      if (html === 'blank' ? line.trim() === '' : html.test(line)) html = null;
      continue;
    }
    if (ATX.test(line)) {
      if (i > 0) splits.push(i);
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = { char: open[1]![0]!, size: open[1]!.length };
      continue;
    }
    if (HTML_START.test(line)) {
      const kind = HTML_UNTIL_MARKER.find(([start]) => start.test(line));
      // The end marker may be on the start line itself (after the opening tag).
      if (kind) html = kind[1].test(line.replace(kind[0], '')) ? null : kind[1];
      else html = 'blank';
    }
  }
  return { splits, openAtEnd: fence !== null || (html !== null && html !== 'blank') };
}

interface Piece {
  /** 0-based index of the piece's first line. */
  line: number;
  /** Character offset of the piece's first line. */
  offset: number;
  text: string;
  lineCount: number;
}

/** Returns the tree parsed piece by piece, or null when it cannot be done safely. */
function parseInPieces(
  text: string,
  lines: readonly string[],
  scan: Scan,
  target: number,
): Root | null {
  const pieces: Piece[] = [];
  let start = 0;
  let offset = 0;
  let size = 0;
  const lineOffsets: number[] = [];
  let acc = 0;
  for (const line of lines) {
    lineOffsets.push(acc);
    acc += line.length + 1;
  }
  const cut = (end: number) => {
    const pieceText = lines.slice(start, end).join('\n');
    pieces.push({ line: start, offset, text: pieceText, lineCount: end - start });
    start = end;
    offset = lineOffsets[end] ?? text.length;
    size = 0;
  };
  let next = 0;
  for (let l = 0; l < lines.length; l++) {
    if (l === scan.splits[next]) {
      next++;
      if (size >= target) cut(l);
    }
    size += lines[l]!.length + 1;
  }
  cut(lines.length);
  if (pieces.length === 1) return null;

  const trees = pieces.map((p) => processor.parse(p.text));

  // Definitions are document-wide: give each piece the ones it lacks, when it may use them.
  const definitions = trees.map((tree) => definitionsOf(tree));
  const all = new Map<string, string>();
  for (const defs of definitions) for (const [key, source] of defs) all.set(key, source);
  for (let p = 0; p < pieces.length; p++) {
    const foreign = [...all].filter(([key]) => !definitions[p]!.has(key)).map(([, s]) => s);
    if (foreign.length === 0 || !mayUseDefinitions(pieces[p]!.text)) continue;
    const last = p === pieces.length - 1;
    if (last && scan.openAtEnd) return null;
    const tree = processor.parse(`${pieces[p]!.text}\n\n${foreign.join('\n\n')}\n`);
    const own = tree.children.filter((c) => c.position!.start.line <= pieces[p]!.lineCount);
    const added = tree.children.length - own.length;
    if (
      added !== foreign.length ||
      own.some((c) => c.position!.end.line > pieces[p]!.lineCount) ||
      tree.children.slice(own.length).some((c) => !isDefinition(c))
    ) {
      return null;
    }
    tree.children = own;
    trees[p] = tree;
  }

  const root: Root = {
    type: 'root',
    children: [],
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: 0 },
    },
  };
  trees.forEach((tree, p) => {
    const piece = pieces[p]!;
    for (const child of tree.children) {
      shift(child, piece.line, piece.offset);
      root.children.push(child);
    }
  });
  const lastLine = lines.at(-1) ?? '';
  root.position!.end = {
    line: lines.length,
    column: lastLine.length + 1,
    offset: text.length,
  };
  return root;
}

function isDefinition(node: RootContent): boolean {
  return node.type === 'definition' || node.type === 'footnoteDefinition';
}

/** The definitions of a tree, by kind and identifier, as Markdown that defines the same. */
function definitionsOf(tree: Root): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: Nodes) => {
    if (node.type === 'definition') found.set(`l:${node.identifier}`, `[${node.identifier}]: #`);
    else if (node.type === 'footnoteDefinition')
      found.set(`f:${node.identifier}`, `[^${node.identifier}]: x`);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** Whether a text may hold a reference (`[x][y]`, `[x][]`, `[x]`, `[^x]`): any `]` not starting an inline link. */
function mayUseDefinitions(text: string): boolean {
  return /\](?!\()/.test(text);
}

/** Moves a node's positions (and its descendants') down by whole lines. Mutates the node. */
function shift(node: Nodes, lines: number, offset: number) {
  if (node.position) {
    node.position.start.line += lines;
    node.position.end.line += lines;
    if (node.position.start.offset !== undefined) node.position.start.offset += offset;
    if (node.position.end.offset !== undefined) node.position.end.offset += offset;
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset);
}

import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data, type Processor } from 'unified';

/**
 * What a text node needs for GFM's literal link scan to link it: `@` (an e-mail, `mailto:`,
 * `xmpp:`), `http://`, `https://` or `www.`.
 */
const MAY_LINK = /@|https?:\/\/|www\./i;

/** Whether a tree has a text node the scan may link (it skips links and link references). */
function mayLink(node: Nodes): boolean {
  if (node.type === 'text') return MAY_LINK.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference') return false;
  return 'children' in node && node.children.some(mayLink);
}

type FromMarkdownExtension = NonNullable<Data['fromMarkdownExtensions']>[number];

/**
 * Runs GFM's literal link scan (mdast-util-gfm-autolink-literal's transform, which visits every
 * text node with four patterns: a tenth of a big compile) only on trees it may change.
 */
function scanOnlyWhereLinks(this: Processor): void {
  const data = this.data();
  const guard = (extension: FromMarkdownExtension): FromMarkdownExtension => {
    if (Array.isArray(extension)) return extension.map((e) => guard(e) as typeof e);
    if (!extension.transforms) return extension;
    return {
      ...extension,
      transforms: extension.transforms.map((transform) =>
        transform.name === 'transformGfmAutolinkLiterals'
          ? (tree: Root) => (mayLink(tree) ? transform(tree) : undefined)
          : transform,
      ),
    };
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(guard);
}

// One frozen processor: the same parser react-markdown renders with, plus YAML or TOML front matter.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(scanOnlyWhereLinks)
  .freeze();

/**
 * Texts longer than this are parsed in pieces. micromark copies its whole event list each time
 * a list or quote closes (`document.js` → `EditMap.consume`), so one big file costs the square of
 * its size: 6.5 MB of notes with 5,000 talks took 202 s in one piece and 23 s in pieces (2 busy
 * cores).
 */
const CHUNK_ABOVE = 64 * 1024;

export interface ParseOptions {
  /** Parse in pieces when the text is longer than this many characters (default 64 Ki). */
  chunkAbove?: number;
  /** Size a piece grows to before it may end, in characters (default 16 Ki); tests set it low. */
  pieceSize?: number;
  /**
   * Pieces parsed before: a dev server that keeps one per notes file parses again only the
   * pieces an edit touched and reuses the others' nodes (moved to their new lines; the tree of
   * the previous parse must no longer be used when the cache hands out the nodes it holds).
   * Read and written; pieces this parse did not use are dropped, so it holds one text's pieces.
   */
  cache?: PieceCache;
}

/** A piece's top-level nodes as placed in a tree: its first line (0-based) and offset there. */
export interface PlacedPiece {
  children: RootContent[];
  line: number;
  offset: number;
}

/** Parsed pieces by source (see `ParseOptions.cache`); `livePieces` and `PackedPieces` are two. */
export interface PieceCache {
  /** Returns the nodes kept for a piece's source (the caller's to move) and forgets them, or undefined. */
  take(key: string): PlacedPiece | undefined;
  /** Keeps these pieces, as placed in the tree just parsed, instead of all kept before. */
  replace(pieces: ReadonlyMap<string, PlacedPiece>): void;
}

/** Returns a cache that keeps the nodes themselves: nothing to unpack, all of them on the heap. */
export function livePieces(): PieceCache & { readonly pieces: ReadonlyMap<string, PlacedPiece> } {
  let pieces = new Map<string, PlacedPiece>();
  return {
    get pieces() {
      return pieces;
    },
    take(key) {
      const found = pieces.get(key);
      pieces.delete(key);
      return found;
    },
    replace(next) {
      pieces = new Map(next);
    },
  };
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
  return (
    parseInPieces(text, lines, scan, options.pieceSize ?? 16 * 1024, options.cache) ??
    processor.parse(text)
  );
}

export interface Scan {
  /** 0-based line indexes where a new piece may start (each > 0). */
  splits: number[];
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
/** A fence opener; a backtick fence's info string has no backtick (else it is inline code). */
const FENCE_OPEN = /^ {0,3}(?:(`{3,})(?![^`]*`)|(~{3,}))/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const FRONT_MATTER_FENCE = /^(?:---|\+\+\+)[ \t]*$/;
/** HTML blocks of CommonMark kinds 1-5 run to an end marker (across blank lines), not to a blank line. */
const HTML_UNTIL_MARKER: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HTML_OTHER = /^ {0,3}</;

/**
 * A scanner state: `c` clean (top level, nothing open), `f` front matter, or something open,
 * written `<kind>|<detail>|<indent>`: kind `F` a fence (detail: its marker and length), `M` an
 * HTML block that ends at a marker (detail: which), `b` an HTML block that ends at a blank line;
 * indent: the columns before its opening line.
 */
type ScanState = string;

/** Columns of leading whitespace (tabs to the next multiple of 4). */
function indentOf(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** The states a line leads to from the clean state (several when the line is ambiguous). */
function fromClean(line: string): ScanState[] {
  const indent = indentOf(line);
  const fence = FENCE_OPEN.exec(line);
  if (fence) {
    const marks = fence[1] ?? fence[2]!;
    return [`F|${marks[0]}${marks.length}|${indent}`];
  }
  const kind = HTML_UNTIL_MARKER.findIndex(([open]) => open.test(line));
  if (kind >= 0) {
    // The end marker may be on the start line itself, after the opening.
    const [open, end] = HTML_UNTIL_MARKER[kind]!;
    return [end.test(line.replace(open, '')) ? 'c' : `M|${kind}|${indent}`];
  }
  // Any other tag may open an HTML block that ends at a blank line, or be paragraph text
  // (kind 7 cannot interrupt a paragraph): follow both.
  if (HTML_OTHER.test(line)) return [`b||${indent}`, 'c'];
  return ['c'];
}

/** The states a line can lead to from one state. */
function step(state: ScanState, line: string): ScanState[] {
  if (state === 'c') return fromClean(line);
  if (state === 'f') return [FRONT_MATTER_FENCE.test(line) ? 'c' : 'f'];
  const [kind, detail, indent] = state.split('|') as [string, string, string];
  let ends: boolean;
  if (kind === 'F') {
    const close = FENCE_CLOSE.exec(line);
    ends =
      close !== null && close[1]![0] === detail[0] && close[1]!.length >= Number(detail.slice(1));
  } else if (kind === 'M') {
    ends = HTML_UNTIL_MARKER[Number(detail)]![1].test(line);
  } else {
    ends = line.trim() === '';
  }
  const next = [ends ? 'c' : state];
  // An indented opening may sit in a list item, which a less indented line closes (fences and
  // HTML take no lazy lines), and that line then starts afresh at the top level.
  if (Number(indent) > 0 && line.trim() !== '' && indentOf(line) < Number(indent)) {
    next.push(...fromClean(line));
  }
  return next;
}

/**
 * Returns where the text may be split: column-0 ATX headings met while every reading of the
 * lines before (fences, HTML blocks, front matter, each followed wherever a line is ambiguous)
 * leaves nothing open at the top level. Errs on the side of not splitting. Mutates nothing.
 */
export function scanSplits(lines: readonly string[]): Scan {
  const splits: number[] = [];
  let states = new Set<ScanState>(['c']);
  lines.forEach((line, i) => {
    if (states.size === 0) return;
    if (i > 0 && states.size === 1 && states.has('c') && ATX.test(line)) splits.push(i);
    const next = new Set<ScanState>();
    if (i === 0 && FRONT_MATTER_FENCE.test(line)) next.add('f');
    for (const state of states) for (const s of step(state, line)) next.add(s);
    // Too many readings at once: stop splitting (never happens in notes).
    states = next.size > 32 ? new Set() : next;
  });
  return { splits };
}

interface Piece {
  /** 0-based index of the piece's first line. */
  line: number;
  /** Character offset of the piece's first line. */
  offset: number;
  text: string;
  lineCount: number;
  /** The heading line that starts the next piece (null for the last piece). */
  next: string | null;
}

/**
 * Returns a piece's own top-level nodes (positions relative to the piece), or null when the
 * parse did not go as planned. The next piece's heading is parsed along, so that open blocks end
 * exactly as they do in the whole text (not at an end of file), then dropped. `extra`
 * definitions go after that heading, or, in the last piece (whose end is the end of the file,
 * where micromark reads some lines differently), before its first line, which is a heading.
 */
function parsePiece(piece: Piece, extra: readonly string[]): RootContent[] | null {
  const before = piece.next === null && extra.length > 0 ? `${extra.join('\n\n')}\n\n` : '';
  const shiftLines = before === '' ? 0 : before.split('\n').length - 1;
  let source = before + piece.text;
  if (piece.next !== null) source += `\n${piece.next}`;
  if (piece.next !== null && extra.length > 0) source += `\n\n${extra.join('\n\n')}\n`;
  const children = processor.parse(source).children;
  const first = shiftLines + 1;
  const last = shiftLines + piece.lineCount;
  const own = children.filter((c) => {
    const line = c.position!.start.line;
    return line >= first && line <= last;
  });
  const mine = new Set(own);
  const added = children.filter((c) => !mine.has(c));
  if (own.some((c) => c.position!.end.line > last)) return null;
  if (piece.next !== null) {
    const heading = added.find((c) => c.position!.start.line === last + 1);
    if (heading?.type !== 'heading') return null;
    added.splice(added.indexOf(heading), 1);
  }
  if (added.length !== extra.length || added.some((c) => !isDefinition(c))) return null;
  if (shiftLines > 0) for (const child of own) shift(child, -shiftLines, -before.length);
  return own;
}

/** Returns the tree parsed piece by piece, or null when it cannot be done safely. */
function parseInPieces(
  text: string,
  lines: readonly string[],
  scan: Scan,
  target: number,
  cache?: PieceCache,
): Root | null {
  const pieces: Piece[] = [];
  let start = 0;
  let offset = 0;
  let size = 0;
  const cut = (end: number) => {
    const pieceText = lines.slice(start, end).join('\n');
    const next = end < lines.length ? lines[end]! : null;
    pieces.push({ line: start, offset, text: pieceText, lineCount: end - start, next });
    start = end;
    offset += pieceText.length + 1;
    size = 0;
  };
  let split = 0;
  for (let l = 0; l < lines.length; l++) {
    if (l === scan.splits[split]) {
      split++;
      if (size >= target) cut(l);
    }
    size += lines[l]!.length + 1;
  }
  cut(lines.length);
  if (pieces.length === 1) return null;

  // A cached piece is its source (the next heading included; the last piece ends the file,
  // which micromark reads differently) with its nodes where they were last placed.
  const keys = pieces.map((p) => (p.next === null ? `${p.text}\u0000` : `${p.text}\n${p.next}`));
  const placed = pieces.map(() => ({ line: 0, offset: 0 }));
  const parsed = pieces.map((p, i) => {
    // Each node object goes in the tree once: `take` forgets, so a source seen twice is parsed again.
    const known = cache?.take(keys[i]!);
    if (!known) return parsePiece(p, []);
    placed[i] = known;
    return known.children;
  });
  if (parsed.some((children) => children === null)) return null;
  const trees = parsed as RootContent[][];

  // Definitions are document-wide: give each piece the ones it lacks, when it may use them.
  const definitions = trees.map((children) => definitionsOf(children));
  const all = new Map<string, string>();
  for (const defs of definitions) for (const [key, source] of defs) all.set(key, source);
  for (let p = 0; p < pieces.length; p++) {
    const foreign = [...all].filter(([key]) => !definitions[p]!.has(key)).map(([, s]) => s);
    if (foreign.length === 0 || !mayUseDefinitions(pieces[p]!.text)) continue;
    const again = parsePiece(pieces[p]!, foreign);
    if (!again) return null;
    trees[p] = again;
    placed[p] = { line: 0, offset: 0 };
    keys[p] = ''; // parsed with other pieces' definitions: not cached
  }

  const root: Root = {
    type: 'root',
    children: [],
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines.length, column: (lines.at(-1) ?? '').length + 1, offset: text.length },
    },
  };
  const kept = new Map<string, PlacedPiece>();
  trees.forEach((children, p) => {
    const lines = pieces[p]!.line - placed[p]!.line;
    const offset = pieces[p]!.offset - placed[p]!.offset;
    for (const child of children) {
      if (lines !== 0 || offset !== 0) shift(child, lines, offset);
      root.children.push(child);
    }
    if (keys[p]) kept.set(keys[p]!, { children, line: pieces[p]!.line, offset: pieces[p]!.offset });
  });
  cache?.replace(kept);
  return root;
}

function isDefinition(node: RootContent): boolean {
  return node.type === 'definition' || node.type === 'footnoteDefinition';
}

/** The definitions among some nodes, by kind and identifier, as Markdown that defines the same. */
function definitionsOf(nodes: readonly RootContent[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: Nodes) => {
    if (node.type === 'definition') found.set(`l:${node.identifier}`, `[${node.identifier}]: #`);
    else if (node.type === 'footnoteDefinition')
      found.set(`f:${node.identifier}`, `[^${node.identifier}]: x`);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  for (const node of nodes) walk(node);
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

import type { Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { GapKind } from './contract.ts';

/**
 * Markers people leave where notes are unfinished, outside code: `TODO`, `TBD`, `FIXME`, `TBA`
 * (upper case, as a word), three or more question marks, and the Chinese and Japanese ones.
 */
const TODO_MARKER =
  /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}_])|\?{3,}|？{3,}|待補充?|待补充?|待補完|待续|待續|未完成?|未整理|あとで書く|後で書く|執筆中|工事中/u;

/** A gap found on the nodes of a talk: its kind, where, and one sentence. */
export interface MarkerGap {
  kind: GapKind;
  line: number;
  column: number;
  message: string;
}

/**
 * Returns the `todo` markers (one per line) and the links and images with an empty URL among
 * some nodes, in source order. Code (fenced, indented, inline) is never looked into.
 * Mutates nothing.
 */
export function findMarkers(nodes: readonly RootContent[]): MarkerGap[] {
  const found: MarkerGap[] = [];
  const todoLines = new Set<number>();
  const walk = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    if (
      (node.type === 'link' || node.type === 'image') &&
      node.url.trim() === '' &&
      node.position
    ) {
      const text = node.type === 'link' ? toString(node).trim() : (node.alt ?? '').trim();
      found.push({
        kind: 'empty-link',
        line: node.position.start.line,
        column: node.position.start.column,
        message: `${node.type === 'link' ? 'Link' : 'Image'}${text ? ` \`${text}\`` : ''} has no URL yet.`,
      });
    }
    if (node.type === 'text' && node.position) {
      const at = todoAt(node.value, node.position.start);
      if (at && !todoLines.has(at.line)) {
        todoLines.add(at.line);
        found.push({
          kind: 'todo',
          line: at.line,
          column: at.column,
          message: `\`${at.marker}\` marks notes to fill in.`,
        });
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  for (const node of nodes) walk(node);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Where the first marker of a text node is (columns are exact on its first line). */
function todoAt(
  value: string,
  start: { line: number; column: number },
): { line: number; column: number; marker: string } | null {
  const match = TODO_MARKER.exec(value);
  if (!match) return null;
  const before = value.slice(0, match.index);
  const newlines = before.split('\n').length - 1;
  const column =
    newlines === 0 ? start.column + match.index : match.index - before.lastIndexOf('\n');
  return { line: start.line + newlines, column, marker: match[0] };
}

/** True when a text, markers and punctuation aside, says nothing (`TODO`, `- 待補`, `???`). */
export function onlyMarkers(text: string): boolean {
  const rest = text.replace(new RegExp(TODO_MARKER.source, 'gu'), ' ');
  return rest !== text && /^[\s\p{P}\p{S}]*$/u.test(rest);
}

const SPEAKER =
  /^(speakers?|講者|讲者|講師|讲师|演講者|演讲者|主講人?|主讲人?|登壇者|スピーカー|presenters?|講演者)\s*[:：]/iu;
const BY_LINE = /^(by|presented by)\s+\S+(\s+\S+){0,4}$/iu;
const TIME =
  /^(time|時間|时间|時刻)?\s*[:：]?\s*\d{1,2}[:：]\d{2}(\s*[-–~～]\s*\d{1,2}[:：]\d{2})?([\s@|,，·]+.{0,40})?$/iu;
const PLACE = /^(room|place|location|venue|地點|地点|場地|会場|會場|会议室|會議室)\s*[:：]/iu;
const TAGS =
  /^((tags?|標籤|标签|タグ|keywords?|關鍵字|关键词)\s*[:：].*|(#[\p{L}\p{N}_.+-]+[\s,，]*)+)$/iu;
const LABEL = /^[\p{L} ]{1,20}\s*[:：]\s*/u;

/**
 * True when a paragraph only says who, when, where, tags or links (a speaker line, a time,
 * `#go #k8s`, `Slides: <link>`): a talk with nothing else has no notes of its own yet. Pure.
 */
export function isMetaParagraph(paragraph: Paragraph): boolean {
  if (paragraph.children.some((c) => c.type === 'image' || c.type === 'imageReference'))
    return false;
  if (onlyLinks(paragraph)) return true;
  const lines = toString(paragraph)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return (
    lines.length > 0 &&
    lines.every(
      (l) =>
        SPEAKER.test(l) ||
        BY_LINE.test(l) ||
        TIME.test(l) ||
        PLACE.test(l) ||
        TAGS.test(l) ||
        onlyMarkers(l),
    )
  );
}

/** Links, with at most a short `Label:` and separators between them. */
function onlyLinks(paragraph: Paragraph): boolean {
  let links = 0;
  for (const [i, child] of paragraph.children.entries()) {
    if (child.type === 'link' || child.type === 'linkReference') links++;
    else if (child.type === 'text') {
      const text = i === 0 ? child.value.replace(LABEL, '') : child.value;
      if (!/^[\s|,，、·/()（）-]*$/u.test(text)) return false;
    } else if (child.type !== 'break') return false;
  }
  return links > 0;
}

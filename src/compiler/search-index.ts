import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { OutlineHeading, TalkDocument } from './contract.ts';
import type { EmitPlugin } from './emit.ts';
import { SEARCH_OPTIONS, cutText, type SearchDocument } from '../lib/search-options.ts';

/** The same parser the compiler and react-markdown use, so the indexed text is the rendered text. */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

type Section = Omit<SearchDocument, 'id'>;

/** What the reader shows of inline content: raw HTML is not rendered, image alt text is. */
const TEXT_ONLY = { includeHtml: false, includeImageAlt: true };

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Calls `emit(node, text)` for each block of visible text under `node`, in reading order: paragraphs,
 * headings, code, table rows. Raw HTML is not rendered by the reader, so it is not indexed either.
 */
function walkBlocks(node: Nodes, emit: (node: Nodes, text: string) => void): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      emit(node, collapse(toString(node, TEXT_ONLY)));
      return;
    case 'code':
      emit(node, collapse(node.value));
      return;
    case 'tableRow':
      emit(node, collapse(node.children.map((cell) => toString(cell, TEXT_ONLY)).join(' ')));
      return;
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'table':
    case 'footnoteDefinition':
      for (const child of node.children) walkBlocks(child, emit);
      return;
    default:
      return;
  }
}

/** The plain text of one section of a talk. */
export interface SectionText {
  /** Outline heading id, or null for the talk's intro (the text before its first heading). */
  headingId: string | null;
  heading: string;
  /** Blocks of visible text joined by `\n`. */
  body: string;
}

/**
 * Returns the plain text of a talk's sections, in reading order: the intro (always, even empty),
 * then one per outline heading that has a title or text. `nodes` are the talk body's block nodes;
 * `lineOffset` turns their lines into the notes file's lines of `outline` (0 when they come from
 * the parse of the whole file, as in the compiler). Does not mutate.
 */
export function sectionTexts(
  nodes: readonly RootContent[],
  outline: readonly OutlineHeading[],
  lineOffset = 0,
): SectionText[] {
  const headingAt = new Map(outline.map((heading) => [heading.line, heading]));
  const sections: { headingId: string | null; heading: string; blocks: string[] }[] = [
    { headingId: null, heading: '', blocks: [] },
  ];
  const emit = (node: Nodes, text: string) => {
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    const heading = node.type === 'heading' && line !== undefined ? headingAt.get(line) : undefined;
    if (heading) {
      sections.push({ headingId: heading.id, heading: heading.title, blocks: [] });
    } else if (text) {
      sections[sections.length - 1].blocks.push(text);
    }
  };
  for (const node of nodes) walkBlocks(node, emit);
  return sections
    .filter((section, index) => index === 0 || section.heading || section.blocks.length > 0)
    .map(({ headingId, heading, blocks }) => ({ headingId, heading, body: blocks.join('\n') }));
}

/**
 * Returns the search documents of one talk (see `sectionTexts`). Parses `talk.markdown` unless
 * its `sections` are given (a compiler that has the talk's nodes at hand saves that parse).
 * Does not mutate.
 */
export function talkSearchDocuments(
  talk: TalkDocument,
  sections: readonly SectionText[] = sectionTexts(
    parser.parse(talk.markdown).children,
    talk.outline,
    talk.markdownLine - 1,
  ),
): Section[] {
  return sections.map(({ headingId, heading, body }) => ({
    conference: talk.conference.slug,
    talk: talk.slug,
    talkTitle: talk.title,
    day: talk.day.label,
    status: talk.status,
    headingId,
    heading,
    body,
    text: cutText(body),
  }));
}

/**
 * Returns the search documents of all talks, numbered in the given order; `sections[i]`, when
 * given, is talk i's text as the compiler already has it (saves a parse). Does not mutate.
 */
export function searchDocuments(
  talks: readonly TalkDocument[],
  sections: readonly (readonly SectionText[] | undefined)[] = [],
): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const [i, talk] of talks.entries()) {
    for (const section of talkSearchDocuments(talk, sections[i])) {
      documents.push({ id: documents.length, ...section });
    }
  }
  return documents;
}

/**
 * Returns the serialized MiniSearch index (`JSON.stringify(miniSearch)`, read back with
 * `MiniSearch.loadJSON(json, SEARCH_OPTIONS)`) of every section of the talks. The same talks in
 * the same order give the same bytes. Does not mutate.
 */
export function buildSearchIndex(
  talks: readonly TalkDocument[],
  sections?: readonly (readonly SectionText[] | undefined)[],
): string {
  const miniSearch = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  miniSearch.addAll(searchDocuments(talks, sections));
  return JSON.stringify(miniSearch);
}

/**
 * Emit plugin: returns the search index file `search.<hash8>.json` (content-hashed, so it can be
 * cached forever) and sets `index.searchFile` to its name — the one mutation, as `EmitPlugin` allows.
 */
export const searchIndexPlugin: EmitPlugin = ({ index, talks }) => {
  const content = `${buildSearchIndex(
    talks.map((talk) => talk.document),
    talks.map((talk) => talk.sections),
  )}\n`;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const path = `search.${hash}.json`;
  index.searchFile = path;
  return [{ path, content }];
};

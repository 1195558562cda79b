import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { TalkDocument } from './contract.ts';
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
 * Calls `emit(line, text)` for each block of visible text under `node`, in reading order: paragraphs,
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
    case 'root':
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

/**
 * Returns the search documents of one talk, in reading order: its intro (the text before its first
 * outline heading; always present, so a talk with no notes is still found by its title), then one
 * per outline heading that has a title or text. `tree` is the talk's Markdown already parsed with
 * lines counted from the start of `talk.markdown`; it is parsed here when not given. Does not mutate.
 */
export function talkSearchDocuments(talk: TalkDocument, tree?: Root): Section[] {
  const root = tree ?? parser.parse(talk.markdown);
  const headingAt = new Map(talk.outline.map((heading) => [heading.line, heading]));
  const base: Omit<Section, 'headingId' | 'heading' | 'body' | 'text'> = {
    conference: talk.conference.slug,
    talk: talk.slug,
    talkTitle: talk.title,
    day: talk.day.label,
    status: talk.status,
  };
  const sections: { headingId: string | null; heading: string; blocks: string[] }[] = [
    { headingId: null, heading: '', blocks: [] },
  ];
  walkBlocks(root, (node, text) => {
    const line = node.position ? node.position.start.line + talk.markdownLine - 1 : undefined;
    const heading = node.type === 'heading' && line !== undefined ? headingAt.get(line) : undefined;
    if (heading) {
      sections.push({ headingId: heading.id, heading: heading.title, blocks: [] });
    } else if (text) {
      sections[sections.length - 1].blocks.push(text);
    }
  });
  return sections
    .filter((section, index) => index === 0 || section.heading || section.blocks.length > 0)
    .map(({ headingId, heading, blocks }) => {
      const body = blocks.join('\n');
      return { ...base, headingId, heading, body, text: cutText(body) };
    });
}

/** Returns the search documents of all talks, numbered in the given order. Does not mutate. */
export function searchDocuments(talks: readonly TalkDocument[]): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const talk of talks) {
    for (const section of talkSearchDocuments(talk)) {
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
export function buildSearchIndex(talks: readonly TalkDocument[]): string {
  const miniSearch = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  miniSearch.addAll(searchDocuments(talks));
  return JSON.stringify(miniSearch);
}

/**
 * Emit plugin: returns the search index file `search.<hash8>.json` (content-hashed, so it can be
 * cached forever) and sets `index.searchFile` to its name — the one mutation, as `EmitPlugin` allows.
 */
export const searchIndexPlugin: EmitPlugin = ({ index, talks }) => {
  const content = `${buildSearchIndex(talks.map((talk) => talk.document))}\n`;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const path = `search.${hash}.json`;
  index.searchFile = path;
  return [{ path, content }];
};

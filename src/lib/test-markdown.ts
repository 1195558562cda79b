import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { MarkdownTree } from '../compiler/contract';
import { renderTree } from '../compiler/render-tree';

// For unit tests: what the compiler hands the reader for some Markdown.

/**
 * Returns the compiler's render tree of Markdown whose first line is source line `firstLine`,
 * with lines (as for a talk's body) unless `lines` is false (as for an intro).
 */
export function markdownTree(markdown: string, firstLine = 1, lines = true): MarkdownTree {
  const parser = unified().use(remarkParse).use(remarkGfm);
  return renderTree(parser.parse('\n'.repeat(firstLine - 1) + markdown).children, { lines });
}

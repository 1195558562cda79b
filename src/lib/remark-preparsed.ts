import type { Processor } from 'unified';
import type { MarkdownTree } from '../compiler/contract';
import { expandTree } from './expand-tree';

/**
 * remark plugin: the document is `tree`, parsed at build time by the notes compiler (the same
 * remark-parse + remark-gfm react-markdown uses), so react-markdown renders it without parsing
 * Markdown in the browser. The client build leaves remark-parse out (vite.config.ts): the
 * parser is most of react-markdown's weight, and parsing most of a page change's work on a slow
 * CPU. The compact tree is only read (each parse expands a new mdast tree from it), so one copy
 * can be rendered again.
 */
export function remarkPreparsed(this: Processor, tree: MarkdownTree) {
  this.parser = () => expandTree(tree);
}

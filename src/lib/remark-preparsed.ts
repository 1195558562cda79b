import type { Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * remark plugin: the document is `tree`, parsed at build time by the notes compiler (the same
 * remark-parse + remark-gfm react-markdown uses), so react-markdown renders it without parsing
 * Markdown in the browser. The client build leaves remark-parse out (vite.config.ts): the
 * parser is most of react-markdown's weight, and parsing most of a page change's work on a slow
 * CPU. The tree is only read (remark-rehype builds a new one), so one copy can be rendered again.
 */
export function remarkPreparsed(this: Processor, tree: Root) {
  this.parser = () => tree;
}

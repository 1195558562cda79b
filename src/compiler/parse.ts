import type { Root } from 'mdast';
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

/** Returns the mdast tree of the text, positions kept. Mutates nothing. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

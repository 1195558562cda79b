import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/** What remark-parse reads from the processor's data (its own type augmentation is not loaded here). */
interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/**
 * remark-gfm for reading only: the same GFM syntax (micromark-extension-gfm) and tree building
 * (mdast-util-gfm) as remark-gfm, which the compiler parses with, without remark-gfm's Markdown
 * serializer (mdast-util-to-markdown), which rendering never uses: ~12 KiB less JavaScript (gzip)
 * for every talk page.
 */
export function remarkGfmSyntax(this: Processor) {
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

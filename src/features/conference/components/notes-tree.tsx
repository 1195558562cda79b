import Markdown from 'react-markdown';
import type { MarkdownTree } from '../../../compiler/contract';
import { NotesImage, NotesLink } from '../../../components/notes-links';
import { rehypeNestedNotes } from '../../../lib/rehype-nested-notes';
import { remarkPreparsed } from '../../../lib/remark-preparsed';

const components = { a: NotesLink, img: NotesImage };

/**
 * Notes that stand under a heading of the conference page (an intro, an aside), rendered like a
 * talk's body but with their headings from `<h{headingLevel}>` down, so the page's outline stays in
 * order. Renders the elements only; the caller gives the `prose-notes` wrapper.
 */
export function NotesTree({ tree, headingLevel }: { tree: MarkdownTree; headingLevel: number }) {
  return (
    // Notes are untrusted: raw HTML is skipped and react-markdown's URL filter stays on.
    <Markdown
      remarkPlugins={[[remarkPreparsed, tree]]}
      rehypePlugins={[[rehypeNestedNotes, { headingLevel }]]}
      skipHtml
      components={components}
    />
  );
}

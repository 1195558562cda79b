import Markdown from 'react-markdown';
import type { MarkdownTree } from '../../../compiler/contract';
import { remarkPreparsed } from '../../../lib/remark-preparsed';

/** A conference or day intro (the notes before its first talk), rendered like a talk's body. */
export function Intro({
  tree,
  line,
  file,
}: {
  tree: MarkdownTree | null;
  line: number | null;
  file: string;
}) {
  if (!tree || tree.children.length === 0) return null;
  return (
    <div className="prose-notes mt-4" data-intro-line={line ?? undefined}>
      {/* Notes are untrusted: raw HTML is skipped and react-markdown's URL filter stays on. */}
      <Markdown remarkPlugins={[[remarkPreparsed, tree]]} skipHtml />
      {line !== null && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          line {line} of <code>{file}</code>
        </p>
      )}
    </div>
  );
}

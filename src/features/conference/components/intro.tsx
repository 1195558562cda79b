import Markdown from 'react-markdown';
import { remarkGfmSyntax } from '../../../lib/remark-gfm-syntax';

const REMARK_PLUGINS = [remarkGfmSyntax];

/** A conference or day intro (the notes before its first talk), rendered like a talk's body. */
export function Intro({
  markdown,
  line,
  file,
}: {
  markdown: string;
  line: number | null;
  file: string;
}) {
  if (markdown.trim() === '') return null;
  return (
    <div className="prose-notes mt-4" data-intro-line={line ?? undefined}>
      {/* Notes are untrusted: raw HTML is skipped and react-markdown's URL filter stays on. */}
      <Markdown remarkPlugins={REMARK_PLUGINS} skipHtml>
        {markdown}
      </Markdown>
      {line !== null && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          line {line} of <code>{file}</code>
        </p>
      )}
    </div>
  );
}

import type { MarkdownTree } from '../../../compiler/contract';
import { NotesFile } from '../../../components/notes-file';
import { NotesTree } from './notes-tree';

/** A conference or day intro (the notes before its first talk), rendered like a talk's body. */
export function Intro({
  tree,
  line,
  file,
  headingLevel = 2,
}: {
  tree: MarkdownTree | null;
  line: number | null;
  file: string;
  /** Level its own headings start at: one below the heading it stands under. */
  headingLevel?: number;
}) {
  if (!tree || tree.children.length === 0) return null;
  return (
    <div className="prose-notes prose-nested mt-4" data-intro-line={line ?? undefined}>
      <NotesTree tree={tree} headingLevel={headingLevel} />
      {line !== null && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          line {line} of <NotesFile file={file} />
        </p>
      )}
    </div>
  );
}

import type { Aside, AsideKind } from '../../../compiler/contract';
import { Icon } from '../../../components/icon';
import { editUrl } from '../../../config/edit';
import { NotesTree } from './notes-tree';

/** What each kind of aside is, as its label says it (the heading already gives its title). */
export const ASIDE_KIND_LABELS: Record<AsideKind, string> = {
  intro: 'intro',
  summary: 'summary',
  references: 'references',
  break: 'break',
  swag: 'swag',
  'next-year': 'next year',
  retrospective: 'retrospective',
  repeat: 'repeat of an earlier talk',
  other: 'notes, not a talk',
};

/**
 * A titled part of the notes that is not a talk (a summary, references, a break…): its heading
 * with the aside's anchor id, its kind and source line, and its notes. `headingLevel` is 2 for an
 * aside of the conference (beside the days), 3 for one inside a day.
 */
export function AsideSection({
  aside,
  file,
  headingLevel,
}: {
  aside: Aside;
  file: string;
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const edit = editUrl(file, aside.line);
  const hasBody = aside.tree !== null && aside.tree.children.length > 0;
  const inDay = headingLevel === 3;
  return (
    <section
      aria-labelledby={aside.id}
      data-aside={aside.kind}
      className={
        inDay
          ? 'mt-4 rounded-xl border border-slate-200 bg-slate-50 px-4 py-3 dark:border-slate-800 dark:bg-slate-900/50'
          : 'mt-10'
      }
    >
      <div
        className={`flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 ${
          inDay ? '' : 'border-b border-slate-200 pb-2 dark:border-slate-800'
        }`}
      >
        <Heading id={aside.id} className={inDay ? 'font-semibold' : 'section-title'}>
          {/* A heading with no text still needs a name for its section. */}
          {aside.title || ASIDE_KIND_LABELS[aside.kind]}
        </Heading>
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600 tabular-nums dark:text-slate-400">
          <span className="rounded-full border border-slate-300 px-2 py-0.5 font-medium dark:border-slate-700">
            {ASIDE_KIND_LABELS[aside.kind]}
          </span>
          <span>line {aside.line}</span>
          {edit && (
            <a href={edit} className="text-link inline-flex items-center gap-0.5">
              <Icon name="edit" className="size-3.5" />
              <span>
                edit<span className="sr-only"> {aside.title || ASIDE_KIND_LABELS[aside.kind]}</span>
              </span>
            </a>
          )}
        </p>
      </div>
      {hasBody && (
        <div className={`prose-notes prose-nested ${inDay ? 'mt-2 text-base' : 'mt-4'}`}>
          <NotesTree tree={aside.tree!} headingLevel={headingLevel + 1} />
        </div>
      )}
    </section>
  );
}

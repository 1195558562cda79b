import { Suspense } from 'react';
import type { Gap } from '../../../compiler/contract';
import { paths } from '../../../config/paths';
import { LazySummaryFillIn } from '../../fill-in/lazy-fill-in';
import { GAP_LABELS } from './gap-marker';

/**
 * The list of a talk's gaps at the top of the pane; each entry jumps to its marker (and, on the
 * dev server, has a "Fill in" button).
 */
export function GapSummary({ gaps, file }: { gaps: Gap[]; file: string }) {
  return (
    <section
      aria-labelledby="gap-summary-title"
      className="mt-6 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700/60 dark:bg-amber-950/40"
    >
      <h2
        id="gap-summary-title"
        className="text-sm font-semibold text-amber-900 dark:text-amber-200"
      >
        {gaps.length} {gaps.length === 1 ? 'gap' : 'gaps'} to fill in
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {gaps.map((gap) => (
          <li key={gap.id} className="flex flex-wrap items-baseline gap-x-2">
            <a href={paths.anchor(gap.id)} className="text-link">
              {gap.section ? `${gap.section}: ` : ''}
              {GAP_LABELS[gap.kind]}
            </a>
            <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
              line {gap.line}
            </span>
            {LazySummaryFillIn && (
              <Suspense fallback={null}>
                <LazySummaryFillIn gap={gap} file={file} />
              </Suspense>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { StatusSummary } from '../compiler/contract';

/** Complete / partial / empty as a stacked bar, with the same numbers in words beside it. */
export function CompletionBar({ summary }: { summary: StatusSummary }) {
  const total = Math.max(summary.talks, 1);
  const segments = [
    { key: 'complete', count: summary.complete, className: 'bg-emerald-500 dark:bg-emerald-400' },
    { key: 'partial', count: summary.partial, className: 'bg-amber-400 dark:bg-amber-400' },
    { key: 'empty', count: summary.empty, className: 'bg-rose-400 dark:bg-rose-500' },
  ];
  return (
    <div>
      <div
        className="flex h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        aria-hidden="true"
      >
        {segments.map(
          (segment) =>
            segment.count > 0 && (
              <div
                key={segment.key}
                className={segment.className}
                style={{ width: `${(segment.count / total) * 100}%` }}
              />
            ),
        )}
      </div>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 tabular-nums dark:text-slate-300">
        <span>
          <span className="mr-1.5 inline-block size-2.5 rounded-full bg-emerald-500 dark:bg-emerald-400" />
          {summary.complete} complete
        </span>
        <span>
          <span className="mr-1.5 inline-block size-2.5 rounded-full bg-amber-400" />
          {summary.partial} partial
        </span>
        <span>
          <span className="mr-1.5 inline-block size-2.5 rounded-full bg-rose-400 dark:bg-rose-500" />
          {summary.empty} empty
        </span>
        <span className="text-slate-600 dark:text-slate-400">
          {summary.gaps} {summary.gaps === 1 ? 'gap' : 'gaps'} to fill in
        </span>
      </p>
    </div>
  );
}

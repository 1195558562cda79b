import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CompletionBar } from '../../../components/completion-bar';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { matchesShow, SHOW_LABELS } from '../../../lib/filters';
import { formatDay } from '../../../lib/format-date';
import { findConference } from '../../../lib/notes-index';
import { indexQueryOptions } from '../../notes/api/get-index';
import { LazyNotFoundPage } from '../../not-found/components/lazy-not-found-page';
import { completeText } from '../../sidebar/components/tree-rows';
import { TalkLink } from '../../talks/components/talk-link';
import { Intro } from './intro';

/** `/:conference`: its days and talks with statuses and gap counts (the sidebar filter applies). */
export function ConferencePage() {
  const params = useParams();
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const conference = findConference(index, params.conference ?? '');
  if (!conference) return <LazyNotFoundPage />;

  return (
    <div className="page">
      <title>{`${conference.title} — Conference notes`}</title>
      <h1 className="page-title">{conference.title}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        <code>{conference.file}</code>
      </p>
      <div className="mt-4">
        <CompletionBar summary={conference.summary} />
      </div>
      <Intro tree={conference.introTree} line={conference.introLine} file={conference.file} />
      {show !== 'all' && (
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          Showing {SHOW_LABELS[show].toLowerCase()} talks.{' '}
          <Link to={paths.conference(conference.slug)} className="text-link">
            Show all
          </Link>
        </p>
      )}

      {conference.days.map((day) => {
        const talks = day.talks.filter((talk) => matchesShow(talk.status, show));
        const date = formatDay(day.date);
        return (
          <section key={day.slug} aria-labelledby={`day-${day.slug}`} className="mt-10">
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-2 dark:border-slate-800">
              <h2 id={`day-${day.slug}`} className="section-title">
                {day.label || 'Talks'}
                {date && (
                  <span className="ml-2 text-base font-normal text-slate-600 dark:text-slate-400">
                    {date}
                  </span>
                )}
              </h2>
              <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
                {completeText(day.summary)}
              </p>
            </div>
            <Intro tree={day.introTree} line={day.introLine} file={conference.file} />
            {talks.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
                No talks match this filter on this day.
              </p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800/70">
                {talks.map((talk) => (
                  <li key={talk.slug} className="flex items-start gap-3 py-2.5">
                    <span className="mt-1">
                      <StatusIcon status={talk.status} gaps={talk.gaps} />
                    </span>
                    <TalkLink
                      conference={conference.slug}
                      talk={talk.slug}
                      className="text-link flex-1"
                    >
                      {talk.title}
                    </TalkLink>
                    <span className="shrink-0 text-sm text-slate-600 tabular-nums dark:text-slate-400">
                      {talk.gaps.total === 0
                        ? 'complete'
                        : `${talk.gaps.total} ${talk.gaps.total === 1 ? 'gap' : 'gaps'}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

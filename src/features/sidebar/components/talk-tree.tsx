import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import type { Conference, Day } from '../../../compiler/contract';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { matchesShow, SHOW_LABELS } from '../../../lib/filters';
import { formatDay } from '../../../lib/format-date';
import { BookmarkButton } from '../../bookmarks/components/bookmark-button';
import { indexQueryOptions } from '../../notes/api/get-index';
import { TalkLink } from '../../talks/components/talk-link';

export function completeText(summary: { complete: number; talks: number }): string {
  return `${summary.complete} of ${summary.talks} complete`;
}

function DayGroup({ conference, day, index }: { conference: Conference; day: Day; index: number }) {
  const show = useShowFilter();
  const params = useParams();
  const currentRef = useRef<HTMLAnchorElement>(null);
  const talks = day.talks.filter(
    (talk) =>
      matchesShow(talk.status, show) ||
      // The talk being read stays listed, so the reader never loses their place.
      (params.conference === conference.slug && params.talk === talk.slug),
  );
  const isCurrent = (slug: string) => params.conference === conference.slug && params.talk === slug;
  const hasCurrent = talks.some((talk) => isCurrent(talk.slug));

  useEffect(() => {
    if (hasCurrent) currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [hasCurrent, params.talk]);

  if (talks.length === 0) return null;
  const date = formatDay(day.date);
  const labelId = `day-${conference.slug}-${index}`;
  return (
    <div className="mt-3">
      <div className="flex items-baseline justify-between gap-2 px-2">
        <p id={labelId} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
          {day.label || 'Talks'}
          {date && (
            <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">{date}</span>
          )}
        </p>
        <p className="shrink-0 text-xs text-slate-600 tabular-nums dark:text-slate-400">
          {completeText(day.summary)}
        </p>
      </div>
      <ul aria-labelledby={labelId} className="mt-1 space-y-px">
        {talks.map((talk) => {
          const current = isCurrent(talk.slug);
          return (
            <li key={talk.slug} className="group flex items-start gap-1.5 pl-2">
              <span className="mt-2 shrink-0">
                <StatusIcon status={talk.status} gaps={talk.gaps} />
              </span>
              <TalkLink
                ref={current ? currentRef : undefined}
                conference={conference.slug}
                talk={talk.slug}
                aria-current={current ? 'page' : undefined}
                title={talk.title}
                className="sidebar-link flex-1"
              >
                {talk.title}
              </TalkLink>
              <BookmarkButton
                bookmark={{
                  conference: conference.slug,
                  talk: talk.slug,
                  title: talk.title,
                  conferenceTitle: conference.title,
                }}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Conferences → days → talks, filtered by `?show=`. */
export function TalkTree() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const params = useParams();
  const shown = index.conferences
    .flatMap((c) => c.days.flatMap((d) => d.talks))
    .filter((t) => matchesShow(t.status, show));

  return (
    <nav aria-label="Talks" className="px-1 pb-6">
      {shown.length === 0 && (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
          No talks match “{SHOW_LABELS[show]}”.
        </p>
      )}
      {index.conferences.map((conference) => (
        <div key={conference.slug} className="mt-2">
          <Link
            to={paths.conference(conference.slug, { show })}
            aria-current={
              params.conference === conference.slug && !params.talk ? 'page' : undefined
            }
            className="sidebar-conference"
          >
            {conference.title}
          </Link>
          {conference.days.map((day, i) => (
            <DayGroup key={day.slug} conference={conference} day={day} index={i} />
          ))}
        </div>
      ))}
    </nav>
  );
}

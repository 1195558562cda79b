import type { Aside, Conference, Day, TalkSummary } from '../../../compiler/contract';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CompletionBar } from '../../../components/completion-bar';
import { NotesFile } from '../../../components/notes-file';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { matchesShow, SHOW_LABELS, type ShowFilter } from '../../../lib/filters';
import { formatDay } from '../../../lib/format-date';
import { findConference } from '../../../lib/notes-index';
import { indexQueryOptions } from '../../notes/api/get-index';
import { LazyNotFoundPage } from '../../not-found/components/lazy-not-found-page';
import { completeText } from '../../sidebar/components/tree-rows';
import { TalkLink } from '../../talks/components/talk-link';
import { AsideSection } from './aside-section';
import { ConferenceHint } from './conference-hint';
import { Intro } from './intro';

/** Where a day starts in the notes: its heading, or its first talk for the unnamed group. */
function dayLine(day: Day): number {
  return day.line ?? day.talks[0]?.lines[0] ?? Number.POSITIVE_INFINITY;
}

/**
 * The days and the asides outside them in the order of the notes: an aside before the first day
 * comes first, one after the days last. An aside of a day the index lacks counts as outside.
 */
function pageBlocks(conference: Conference) {
  const byLine = (a: Aside, b: Aside) => a.line - b.line;
  const slugs = new Set(conference.days.map((day) => day.slug));
  const outside = conference.asides
    .filter((aside) => aside.day === null || !slugs.has(aside.day))
    .sort(byLine);
  const blocks: ({ aside: Aside } | { day: Day; asides: Aside[] })[] = [];
  let next = 0;
  for (const day of conference.days) {
    while (next < outside.length && outside[next]!.line < dayLine(day)) {
      blocks.push({ aside: outside[next++]! });
    }
    const asides = conference.asides.filter((aside) => aside.day === day.slug).sort(byLine);
    blocks.push({ day, asides });
  }
  for (const aside of outside.slice(next)) blocks.push({ aside });
  return blocks;
}

/** The talks of a day and its asides in the order of the notes: runs of talks between asides. */
function dayParts(talks: TalkSummary[], asides: Aside[]) {
  const parts: ({ talks: TalkSummary[] } | { aside: Aside })[] = [];
  let run: TalkSummary[] = [];
  let next = 0;
  for (const talk of talks) {
    while (next < asides.length && asides[next]!.line < talk.lines[0]) {
      if (run.length > 0) parts.push({ talks: run });
      run = [];
      parts.push({ aside: asides[next++]! });
    }
    run.push(talk);
  }
  if (run.length > 0) parts.push({ talks: run });
  for (const aside of asides.slice(next)) parts.push({ aside });
  return parts;
}

function TalkList({ conference, talks }: { conference: string; talks: TalkSummary[] }) {
  return (
    <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800/70">
      {talks.map((talk) => (
        <li key={talk.slug} className="flex items-start gap-3 py-2.5">
          <span className="mt-1">
            <StatusIcon status={talk.status} gaps={talk.gaps} />
          </span>
          <TalkLink conference={conference} talk={talk.slug} className="text-link flex-1">
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
  );
}

function DaySection({
  conference,
  day,
  asides,
  show,
}: {
  conference: Conference;
  day: Day;
  asides: Aside[];
  show: ShowFilter;
}) {
  const talks = day.talks.filter((talk) => matchesShow(talk.status, show));
  const date = formatDay(day.date);
  return (
    <section aria-labelledby={`day-${day.slug}`} className="mt-10">
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
      <Intro tree={day.introTree} line={day.introLine} file={conference.file} headingLevel={3} />
      {talks.length === 0 && day.talks.length > 0 && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          No talks match this filter on this day.
        </p>
      )}
      {day.talks.length === 0 && asides.length === 0 && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">No talks on this day.</p>
      )}
      {dayParts(talks, asides).map((part) =>
        'aside' in part ? (
          <AsideSection
            key={part.aside.id}
            aside={part.aside}
            file={conference.file}
            headingLevel={3}
          />
        ) : (
          <TalkList key={part.talks[0]!.slug} conference={conference.slug} talks={part.talks} />
        ),
      )}
    </section>
  );
}

/**
 * `/:conference`: its days and talks with statuses and gap counts (the sidebar filter applies),
 * and the parts of the notes that are not talks (asides) where they stand in the notes.
 */
export function ConferencePage() {
  const params = useParams();
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const conference = findConference(index, params.conference ?? '');
  if (!conference) return <LazyNotFoundPage />;

  const blocks = pageBlocks(conference);

  return (
    <div className="page">
      <title>{`${conference.title} — Conference notes`}</title>
      <h1 className="page-title">{conference.title}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        <NotesFile file={conference.file} />
      </p>
      {conference.hint && <ConferenceHint hint={conference.hint} />}
      {/* With no talks, the bar would only say 0, 0 and 0. */}
      {conference.summary.talks > 0 && (
        <div className="mt-4">
          <CompletionBar summary={conference.summary} />
        </div>
      )}
      <Intro tree={conference.introTree} line={conference.introLine} file={conference.file} />
      {show !== 'all' && (
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          Showing {SHOW_LABELS[show].toLowerCase()} talks.{' '}
          <Link to={paths.conference(conference.slug)} className="text-link">
            Show all
          </Link>
        </p>
      )}

      {blocks.map((block) =>
        'aside' in block ? (
          <AsideSection
            key={block.aside.id}
            aside={block.aside}
            file={conference.file}
            headingLevel={2}
          />
        ) : (
          <DaySection
            key={block.day.slug}
            conference={conference}
            day={block.day}
            asides={block.asides}
            show={show}
          />
        ),
      )}
    </div>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Icon } from '../../../components/icon';
import { NotesFile } from '../../../components/notes-file';
import { StatusBadge } from '../../../components/status-icon';
import { editUrl } from '../../../config/edit';
import { paths } from '../../../config/paths';
import { useArrowKeys } from '../../../hooks/use-arrow-keys';
import { useHashScroll } from '../../../hooks/use-hash-scroll';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { formatDay } from '../../../lib/format-date';
import { findTalk, neighbours, type TalkEntry } from '../../../lib/notes-index';
import { LazyTalkFillIn } from '../../fill-in/lazy-fill-in';
import { LazyNotFoundPage } from '../../not-found/components/lazy-not-found-page';
import { indexQueryOptions } from '../../notes/api/get-index';
import { talkQueryOptions } from '../api/get-talk';
import { rememberLastRead } from '../last-read';
import { GapSummary } from './gap-summary';
import { TableOfContents } from './table-of-contents';
import { TalkBody } from './talk-body';
import { TalkLink } from './talk-link';
import { TalkTitle } from './talk-title';

function TalkView({ entry }: { entry: TalkEntry }) {
  const { conference, talk } = entry;
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const { data: doc } = useSuspenseQuery(talkQueryOptions(conference.slug, talk.slug));
  const navigate = useNavigate();
  const show = useShowFilter();
  const { previous, next } = neighbours(index, conference.slug, talk.slug);

  const goPrevious = useCallback(() => {
    if (previous) navigate(paths.talk(previous.conference.slug, previous.talk.slug, { show }));
  }, [navigate, previous, show]);
  const goNext = useCallback(() => {
    if (next) navigate(paths.talk(next.conference.slug, next.talk.slug, { show }));
  }, [navigate, next, show]);
  useArrowKeys(previous ? goPrevious : null, next ? goNext : null);

  useEffect(() => {
    rememberLastRead({ conference: conference.slug, talk: talk.slug });
  }, [conference.slug, talk.slug]);
  useHashScroll(doc);

  const date = formatDay(doc.day.date);
  const edit = editUrl(doc.conference.file, doc.lines[0]);

  return (
    <article className="mx-auto w-full max-w-6xl px-4 pt-6 pb-16 sm:px-8 xl:grid xl:grid-cols-[minmax(0,1fr)_14rem] xl:gap-12">
      <title>{`${doc.title} — ${doc.conference.title}`}</title>
      <div className="max-w-3xl min-w-0">
        <header>
          <TalkTitle entry={entry} title={doc.title} />
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
            {(doc.day.label || date) && (
              <span>
                {doc.day.label}
                {doc.day.label && date ? ' · ' : ''}
                {date && <time dateTime={doc.day.date ?? undefined}>{date}</time>}
              </span>
            )}
            <span>
              line {doc.lines[0]} of{' '}
              <NotesFile className="text-[0.9em]" file={doc.conference.file} />
            </span>
            {edit && (
              <a href={edit} className="inline-flex items-center gap-1 text-link">
                <Icon name="edit" className="size-3.5" />
                Edit
              </a>
            )}
            <StatusBadge status={doc.status} gaps={talk.gaps} />
          </p>
          {LazyTalkFillIn && (
            <Suspense fallback={null}>
              <LazyTalkFillIn doc={doc} />
            </Suspense>
          )}
        </header>

        {doc.gaps.length > 0 && <GapSummary gaps={doc.gaps} file={doc.conference.file} />}

        <div className="mt-8">
          <TalkBody
            key={doc.url}
            tree={doc.tree}
            outline={doc.outline}
            gaps={doc.gaps}
            file={doc.conference.file}
          />
        </div>

        <nav
          aria-label="Previous and next talks"
          className="mt-14 grid gap-3 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800"
        >
          {previous ? (
            <TalkLink
              conference={previous.conference.slug}
              talk={previous.talk.slug}
              className="pager-link"
            >
              <span className="pager-hint">
                <Icon name="left" className="size-3.5" /> Previous talk
              </span>
              <span className="pager-title">{previous.talk.title}</span>
            </TalkLink>
          ) : (
            <span />
          )}
          {next && (
            <TalkLink
              conference={next.conference.slug}
              talk={next.talk.slug}
              className="pager-link sm:text-right"
            >
              <span className="pager-hint sm:justify-end">
                Next talk <Icon name="right" className="size-3.5" />
              </span>
              <span className="pager-title">{next.talk.title}</span>
            </TalkLink>
          )}
        </nav>
        <p className="mt-3 hidden text-xs text-slate-500 sm:block dark:text-slate-400">
          Tip: <kbd>←</kbd> and <kbd>→</kbd> move between talks.
        </p>
      </div>
      <div className="hidden xl:block">
        <TableOfContents outline={doc.outline} />
      </div>
    </article>
  );
}

/** `/:conference/:talk`: the reading pane for one talk, or "not found" with suggestions. */
export function TalkPage() {
  const params = useParams();
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const entry = findTalk(index, params.conference ?? '', params.talk ?? '');
  if (!entry) return <LazyNotFoundPage />;
  return <TalkView key={`${entry.conference.slug}/${entry.talk.slug}`} entry={entry} />;
}

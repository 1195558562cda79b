import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CompletionBar } from '../../../components/completion-bar';
import { Icon } from '../../../components/icon';
import { NotesFile } from '../../../components/notes-file';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { findTalk } from '../../../lib/notes-index';
import { ConferenceHint } from '../../conference/components/conference-hint';
import { YourTalks } from '../../offline/components/your-talks';
import { indexQueryOptions } from '../../notes/api/get-index';
import { useLastRead } from '../../talks/last-read';
import { TalkLink } from '../../talks/components/talk-link';

function ContinueReading() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const last = useLastRead();
  const entry = last && findTalk(index, last.conference, last.talk);
  if (!entry) return null;
  return (
    <section
      aria-labelledby="continue-title"
      className="mt-6 rounded-xl border border-sky-200 bg-sky-50 p-4 dark:border-sky-800/60 dark:bg-sky-950/40"
    >
      <h2 id="continue-title" className="text-sm font-semibold text-sky-900 dark:text-sky-200">
        Continue where you left off
      </h2>
      <p className="mt-1 flex items-center gap-2">
        <TalkLink
          conference={entry.conference.slug}
          talk={entry.talk.slug}
          className="text-link text-lg font-medium"
        >
          {entry.talk.title}
        </TalkLink>
        <Icon name="right" className="size-4 text-sky-700 dark:text-sky-300" />
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">{entry.conference.title}</p>
    </section>
  );
}

/** `/`: every conference with its completion, and the way back to the last talk read. */
export function HomePage() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const { summary } = index;
  return (
    <div className="page">
      <title>Conference notes</title>
      <h1 className="page-title">Conference notes</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {summary.talks} talks in {index.conferences.length}{' '}
        {index.conferences.length === 1 ? 'conference' : 'conferences'};{' '}
        <strong>{summary.partial + summary.empty} incomplete</strong>.
      </p>
      <ContinueReading />
      <YourTalks />

      <ul className="mt-8 space-y-4">
        {index.conferences.map((conference) => (
          <li
            key={conference.slug}
            className="rounded-xl border border-slate-200 p-5 dark:border-slate-800"
          >
            <h2 className="text-xl font-semibold">
              <Link to={paths.conference(conference.slug, { show })} className="text-link">
                {conference.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {conference.days.length} {conference.days.length === 1 ? 'day' : 'days'} ·{' '}
              {conference.summary.talks} talks · <NotesFile file={conference.file} />
            </p>
            {conference.hint && <ConferenceHint hint={conference.hint} compact />}
            {conference.summary.talks > 0 && (
              <div className="mt-4">
                <CompletionBar summary={conference.summary} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {index.conferences.length === 0 && (
        <p className="mt-8 text-slate-700 dark:text-slate-300">
          No notes yet: add a Markdown file to <code>notes/</code> and run <code>npm run data</code>
          .
        </p>
      )}

      {index.diagnostics.length > 0 && (
        <details className="mt-10 rounded-xl border border-slate-200 p-4 text-sm dark:border-slate-800">
          <summary className="cursor-pointer font-medium">
            {index.diagnostics.length} {index.diagnostics.length === 1 ? 'note' : 'notes'} from the
            compiler
          </summary>
          <ul className="mt-2 space-y-1 font-mono text-xs">
            {index.diagnostics.map((d) => (
              <li key={`${d.file}:${d.line}:${d.column}:${d.message}`}>
                {d.file}:{d.line}:{d.column}: {d.severity}: {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

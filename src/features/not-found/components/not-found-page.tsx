import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { closestConferences, closestTalks } from '../../../lib/similar';
import { indexQueryOptions } from '../../notes/api/get-index';
import { TalkLink } from '../../talks/components/talk-link';

/** What the reader asked for, from whichever route did not find it. */
function useRequested(): { conference: string; talk: string } {
  const params = useParams();
  if (params.conference !== undefined) {
    return { conference: params.conference, talk: params.talk ?? params.conference };
  }
  const segments = (params['*'] ?? '').split('/').filter(Boolean);
  return { conference: segments[0] ?? '', talk: segments.at(-1) ?? '' };
}

/** "Not found", with the closest talks and conferences and a way home. Never a blank page. */
export function NotFoundPage() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const { pathname } = useLocation();
  const show = useShowFilter();
  const requested = useRequested();
  const talks = closestTalks(index, requested.talk);
  const conferences = closestConferences(index, requested.conference);

  let shownPath = pathname;
  try {
    shownPath = decodeURI(pathname);
  } catch {
    // Show the raw path when it is not valid percent-encoding.
  }

  return (
    <div className="page">
      <title>Not found — Conference notes</title>
      <p className="eyebrow">404</p>
      <h1 className="page-title">Page not found</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        There is no talk or conference at{' '}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 break-all dark:bg-slate-800">
          {shownPath}
        </code>
        .
      </p>

      {talks.length > 0 && (
        <section aria-labelledby="suggested-talks" className="mt-8">
          <h2 id="suggested-talks" className="section-title">
            Did you mean
          </h2>
          <ul className="mt-3 space-y-2">
            {talks.map(({ conference, talk }) => (
              <li key={`${conference.slug}/${talk.slug}`} className="flex items-start gap-2">
                <span className="mt-1">
                  <StatusIcon status={talk.status} gaps={talk.gaps} />
                </span>
                <span>
                  <TalkLink conference={conference.slug} talk={talk.slug} className="text-link">
                    {talk.title}
                  </TalkLink>
                  <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">
                    {conference.title}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {conferences.length > 0 && (
        <section aria-labelledby="suggested-conferences" className="mt-8">
          <h2 id="suggested-conferences" className="section-title">
            Conferences
          </h2>
          <ul className="mt-3 space-y-2">
            {conferences.map((conference) => (
              <li key={conference.slug}>
                <Link to={paths.conference(conference.slug, { show })} className="text-link">
                  {conference.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="mt-10">
        <Link to={paths.home({ show })} className="button-primary">
          Go to all conferences
        </Link>
      </p>
    </div>
  );
}

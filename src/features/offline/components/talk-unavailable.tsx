import { Link } from 'react-router';
import { Icon } from '../../../components/icon';
import { StatusBadge } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useOnline } from '../../../hooks/use-online';
import { useShowFilter } from '../../../hooks/use-show-filter';
import type { TalkEntry } from '../../../lib/notes-index';
import { TalkTitle } from '../../talks/components/talk-title';

/**
 * The reading pane for a talk whose notes could not be fetched and are not kept on this device:
 * its title and status (from the index, which is always there), what happened, and a Retry.
 */
export function TalkUnavailable({ entry, onRetry }: { entry: TalkEntry; onRetry: () => void }) {
  const { talk } = entry;
  const online = useOnline();
  const show = useShowFilter();
  return (
    <article className="mx-auto w-full max-w-6xl px-4 pt-6 pb-16 sm:px-8">
      <title>{`Not available offline — ${talk.title}`}</title>
      <div className="max-w-3xl">
        <header>
          <TalkTitle entry={entry} title={talk.title} />
          <p className="mt-2">
            <StatusBadge status={talk.status} gaps={talk.gaps} />
          </p>
        </header>
        <div
          role="alert"
          className="mt-8 rounded-xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-700/70 dark:bg-amber-950/40"
        >
          <h2 className="flex items-center gap-2 text-lg font-semibold text-amber-950 dark:text-amber-100">
            <Icon name="offline" className="size-5 shrink-0" />
            Not available offline
          </h2>
          <p className="mt-2 text-sm text-amber-950/90 dark:text-amber-100/90">
            {online
              ? 'The network did not answer, and this talk is not kept on this device.'
              : 'You are offline, and this talk is not kept on this device.'}{' '}
            The talks you read in the last 30 days and your bookmarks can be read without a network;
            bookmark this one to keep it once the network is back.
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button type="button" className="button-primary" onClick={onRetry}>
              <Icon name="reload" className="size-4" />
              Retry
            </button>
            <Link to={paths.home({ show })} className="text-link text-sm">
              Talks you can read offline
            </Link>
          </div>
        </div>
      </div>
    </article>
  );
}

import { QueryErrorResetBoundary, useQueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Link, useLocation, useParams } from 'react-router';
import { describeError, ErrorPanel } from '../components/error-panel';
import { LazyPart } from '../components/lazy-part';
import { PaneSkeleton } from '../components/skeleton';
import { paths } from '../config/paths';
import { indexQueryOptions } from '../features/notes/api/get-index';
import { LazyTalkUnavailable } from '../features/offline/components/lazy-talk-unavailable';
import { isDataError } from '../lib/data-error';
import { findTalk, type TalkEntry } from '../lib/notes-index';

/** The talk of this URL when its notes could not be reached (no network, not kept offline). */
function useUnreachableTalk(): (error: unknown) => TalkEntry | undefined {
  const client = useQueryClient();
  const { conference, talk } = useParams();
  return (error) => {
    if (!isDataError(error) || error.kind !== 'network' || !conference || !talk) return undefined;
    const index = client.getQueryData(indexQueryOptions().queryKey);
    return index && findTalk(index, conference, talk);
  };
}

/** The reading pane when its page could not be loaded: what happened, Retry, and a way home. */
function CouldNotLoad({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { title, detail } = describeError(error);
  return (
    <div className="page">
      <title>Could not load — Conference notes</title>
      <h1 className="page-title">This page could not be loaded</h1>
      <div className="mt-6">
        <ErrorPanel title={title} detail={detail}>
          <button type="button" className="button-primary" onClick={onRetry}>
            Retry
          </button>
          <Link to={paths.home()} className="text-link">
            Go to all conferences
          </Link>
        </ErrorPanel>
      </div>
    </div>
  );
}

/**
 * Keeps a failure inside the reading pane (the sidebar keeps working) and offers a retry that
 * refetches the failed query; moving to another page clears the error. A talk whose notes could
 * not be reached is "not available offline", with its title and status from the index.
 */
export function PaneBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const unreachableTalk = useUnreachableTalk();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          resetKeys={[pathname]}
          fallbackRender={({ error, resetErrorBoundary }) => {
            const couldNotLoad = <CouldNotLoad error={error} onRetry={resetErrorBoundary} />;
            const entry = unreachableTalk(error);
            if (!entry) return couldNotLoad;
            // Without its code, the plain message says what happened all the same.
            return (
              <LazyPart loading={<PaneSkeleton />} failed={couldNotLoad}>
                <LazyTalkUnavailable entry={entry} onRetry={resetErrorBoundary} />
              </LazyPart>
            );
          }}
        >
          <Suspense fallback={<PaneSkeleton />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

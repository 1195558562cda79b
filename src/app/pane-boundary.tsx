import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Link, useLocation } from 'react-router';
import { describeError, ErrorPanel } from '../components/error-panel';
import { PaneSkeleton } from '../components/skeleton';
import { paths } from '../config/paths';

/**
 * Keeps a failure inside the reading pane (the sidebar keeps working) and offers a retry that
 * refetches the failed query; moving to another page clears the error.
 */
export function PaneBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          resetKeys={[pathname]}
          fallbackRender={({ error, resetErrorBoundary }) => {
            const { title, detail } = describeError(error);
            return (
              <div className="page">
                <title>Could not load — Conference notes</title>
                <h1 className="page-title">This page could not be loaded</h1>
                <div className="mt-6">
                  <ErrorPanel title={title} detail={detail}>
                    <button type="button" className="button-primary" onClick={resetErrorBoundary}>
                      Retry
                    </button>
                    <Link to={paths.home()} className="text-link">
                      Go to all conferences
                    </Link>
                  </ErrorPanel>
                </div>
              </div>
            );
          }}
        >
          <Suspense fallback={<PaneSkeleton />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';

/**
 * A part of the page whose code is loaded when it is shown (`React.lazy`): `loading` while its
 * code comes, `failed` when it cannot be fetched (no network and no offline copy yet), so a part
 * that is missing never takes the page around it down.
 */
export function LazyPart({
  loading,
  failed,
  children,
}: {
  loading: ReactNode;
  failed: ReactNode;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary fallback={failed}>
      <Suspense fallback={loading}>{children}</Suspense>
    </ErrorBoundary>
  );
}

import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { LazyNotFoundPage } from '../features/not-found/components/lazy-not-found-page';
import { indexQueryOptions } from '../features/notes/api/get-index';
import { HydrateFallback } from './hydrate-fallback';
import { queryClient } from './query-client';
import { RootError } from './root-error';
import { RootLayout } from './root-layout';

// Loaders only warm the query cache (no browser-only APIs), so the build-time pre-render
// (src/entry-server.tsx) runs the same routes with createStaticHandler and hands the cache over to
// hydration.

/** The pre-render passes each page's own client as the loader context; the browser uses the app's. */
function clientFor(context: unknown): QueryClient {
  return context instanceof QueryClient ? context : queryClient;
}

async function rootLoader({ context }: LoaderFunctionArgs) {
  // A missing or corrupt index fails here, and RootError says how to build the data.
  await clientFor(context).ensureQueryData(indexQueryOptions());
  return null;
}

// The talk route has no loader, on purpose. A navigation that runs a loader renders the whole app
// twice (a "loading" state first, even when the data is cached), which costs a slow phone more
// than the page itself; and the talk is nearly always cached already: fetched on hover or focus of
// its link, with the rest of its conference when the browser is idle, or embedded in the
// pre-rendered page. TalkPage reads it with useSuspenseQuery, so an uncached talk shows the pane's
// skeleton, then the talk (or its error with a Retry), with the sidebar untouched.

/** Every route of the app, in one place (client router and pre-render alike). */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: RootLayout,
    ErrorBoundary: RootError,
    HydrateFallback,
    loader: rootLoader,
    // Only the first render needs it: the index query keeps itself fresh. Not re-running it when
    // the query string changes (the sidebar filter) spares that navigation its loading state.
    shouldRevalidate: () => false,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/home/components/home-page')).HomePage,
        }),
      },
      {
        path: ':conference',
        lazy: async () => ({
          Component: (await import('../features/conference/components/conference-page'))
            .ConferencePage,
        }),
      },
      {
        path: ':conference/:talk',
        lazy: async () => ({
          Component: (await import('../features/talks/components/talk-page')).TalkPage,
        }),
      },
      // The page itself loads on demand; this small wrapper is here in the app's entry, so the
      // talk and conference pages (which show it for a slug the index lacks) need no chunk for it.
      { path: '*', Component: LazyNotFoundPage },
    ],
  },
];

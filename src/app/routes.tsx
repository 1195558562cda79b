import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { findTalk } from '../lib/notes-index';
import { indexQueryOptions } from '../features/notes/api/get-index';
import { talkQueryOptions } from '../features/talks/api/get-talk';
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

async function talkLoader({ params, context }: LoaderFunctionArgs) {
  const client = clientFor(context);
  const index = await client.ensureQueryData(indexQueryOptions());
  const conference = params.conference ?? '';
  const talk = params.talk ?? '';
  if (findTalk(index, conference, talk)) {
    try {
      await client.ensureQueryData(talkQueryOptions(conference, talk));
    } catch {
      // The reading pane shows this talk's error with a Retry; the sidebar keeps working.
    }
  }
  return null;
}

/** Every route of the app, in one place (client router and pre-render alike). */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: RootLayout,
    ErrorBoundary: RootError,
    HydrateFallback,
    loader: rootLoader,
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
        loader: talkLoader,
        lazy: async () => ({
          Component: (await import('../features/talks/components/talk-page')).TalkPage,
        }),
      },
      {
        path: '*',
        lazy: async () => ({
          Component: (await import('../features/not-found/components/not-found-page')).NotFoundPage,
        }),
      },
    ],
  },
];

import { useSuspenseQuery } from '@tanstack/react-query';
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { matchRoutes, useRoutes, type RouteObject } from 'react-router';
import { LazyNotFoundPage } from '../features/not-found/components/lazy-not-found-page';
import { indexQueryOptions } from '../features/notes/api/get-index';
import { HydrateFallback } from './hydrate-fallback';
import { RootError } from './root-error';
import { RootLayout } from './root-layout';

// React Router's declarative mode: half the code of its data router (15 against 32 KiB gzip on a
// talk's cold load), and the app needs none of what the difference buys. The query cache is the
// one place data is loaded: the pre-render seeds it and hands it over to hydration; a page reads
// it with useSuspenseQuery, so an uncached talk shows the pane's skeleton, then the talk (or its
// error with a Retry), with the sidebar untouched. The talk is nearly always cached already:
// fetched on hover or focus of its link, with the rest of its conference when the browser is
// idle, or embedded in the pre-rendered page.

type PageModule = () => Promise<ComponentType>;

/** Each page's code, loaded on demand (the pre-render preloads the chunk of the page it writes). */
const pages = {
  home: async () => (await import('../features/home/components/home-page')).HomePage,
  conference: async () =>
    (await import('../features/conference/components/conference-page')).ConferencePage,
  talk: async () => (await import('../features/talks/components/talk-page')).TalkPage,
} satisfies Record<string, PageModule>;

type PageName = keyof typeof pages;

/** Loaded pages, so that a page whose code is already here renders without suspending. */
const loadedPages = new Map<PageName, ComponentType>();

/**
 * A page loaded on first use. When its code is already here (loaded before hydration), the
 * module is handed over synchronously: React.lazy reads a thenable that resolves at once without
 * suspending, so the first render matches the pre-rendered HTML in one pass.
 */
function lazyPage(name: PageName) {
  return lazy(() => {
    const page = loadedPages.get(name);
    if (!page) return loadPage(name).then((loaded) => ({ default: loaded }));
    const ready: PromiseLike<{ default: ComponentType }> = {
      then: (resolve) => Promise.resolve(resolve?.({ default: page })) as never,
    };
    return ready as Promise<{ default: ComponentType }>;
  });
}

async function loadPage(name: PageName): Promise<ComponentType> {
  const page = loadedPages.get(name) ?? (await pages[name]());
  loadedPages.set(name, page);
  return page;
}

/**
 * The app's pages, in one place: rendered by `AppRoutes` (browser and pre-render alike) and
 * matched by `loadPageFor`. `handle` names the page whose code a path needs.
 */
const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <WithIndex />,
    children: [
      { index: true, element: createElement(lazyPage('home')), handle: 'home' },
      { path: ':conference', element: createElement(lazyPage('conference')), handle: 'conference' },
      { path: ':conference/:talk', element: createElement(lazyPage('talk')), handle: 'talk' },
      // The page itself loads on demand; this small wrapper is in the app's entry, so the talk
      // and conference pages (which show it for a slug the index lacks) need no chunk for it.
      { path: '*', element: <LazyNotFoundPage /> },
    ],
  },
];

/**
 * Loads the code of the page at `pathname` (below the base path): before hydration, so the first
 * render matches the pre-rendered HTML at once. Resolves to nothing for a path no page has.
 */
export async function loadPageFor(pathname: string): Promise<void> {
  const page = matchRoutes(ROUTES, pathname)?.at(-1)?.route.handle as PageName | undefined;
  if (page) await loadPage(page);
}

/** The index every page needs; a missing or corrupt one is the root error (RootError). */
function WithIndex() {
  useSuspenseQuery(indexQueryOptions());
  return <RootLayout />;
}

function RouteTree() {
  return useRoutes(ROUTES);
}

/**
 * Every page of the app (browser and pre-render alike). `loading`: the frame to
 * show while the index loads, for a page rendered in the browser. A hydrated page has the index
 * already and gets no boundary there: the whole app inside one would hydrate in a pass of its
 * own, after the page looks ready.
 */
export function AppRoutes({ loading = false }: { loading?: boolean }) {
  const routes = <RouteTree />;
  return (
    <ErrorBoundary FallbackComponent={RootError}>
      {loading ? <Suspense fallback={<HydrateFallback />}>{routes}</Suspense> : routes}
    </ErrorBoundary>
  );
}

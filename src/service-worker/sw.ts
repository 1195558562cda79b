/**
 * The service worker (built by vite-plugin-pwa's injectManifest, registered after the page has
 * loaded by src/features/offline/register-worker.ts).
 *
 * - Precache: the app shell (404.html, the page with nothing pre-rendered in it), its scripts and
 *   stylesheet, the icon, the web app manifest and data/index.json. No talk: 10,000 talks would
 *   weigh tens of MiB on the first visit.
 * - Every page is answered with the precached shell, online or not: the scripts, the index and
 *   the shell are then always of one build, and new notes arrive only when the reader reloads
 *   for them (a new build is a new worker, which waits; the page offers the reload).
 * - Talk documents come from the cache the app fills (its recent and bookmarked talks), else
 *   from the network. The search index is kept once it has been loaded.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { paths } from '../config/paths';
import {
  isSearchFile,
  isTalkFile,
  SEARCH_CACHE,
  TALKS_CACHE,
} from '../features/offline/offline-caches';

declare const self: ServiceWorkerGlobalScope & {
  /** The precache list, which the build writes in place of this name. */
  __WB_MANIFEST: (PrecacheEntry | string)[];
};

/** What the page sends when the reader chooses to reload for new notes (register-worker.ts). */
const SKIP_WAITING = 'SKIP_WAITING';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Files that are not pages, even when opened as one (a data file typed into the address bar).
const NOT_A_PAGE = [/\/data\//, /\.(?:html|json|js|css|svg|png|ico|webmanifest|txt|xml)$/i];

registerRoute(
  new NavigationRoute(createHandlerBoundToURL(paths.shell()), { denylist: NOT_A_PAGE }),
);

/** URLPattern's syntax characters, escaped in a literal part of a pattern (the base path). */
const PATTERN_SYNTAX = /[\\:*?+(){}]/g;

// The page's requests for talk files are answered by the browser itself where it can (static
// routing, Chromium 123+): from the kept talks, else from the network, as the route below does,
// without waking this worker and running it for each file (a talk opened at 10,000 talks). The
// search worker's requests are not routed so (Chromium routes a page's, not a dedicated
// worker's): the route below answers those.
self.addEventListener('install', (event) => {
  const routing = event as ExtendableEvent & {
    addRoutes?: (rules: object) => Promise<void>;
  };
  if (!routing.addRoutes) return;
  const talks = paths.data.talks().replace(PATTERN_SYNTAX, '\\$&');
  event.waitUntil(
    routing
      .addRoutes({
        condition: { urlPattern: { pathname: `${talks}*.json` }, requestMethod: 'GET' },
        source: { cacheName: TALKS_CACHE },
      })
      // Without it (a pattern this browser refuses), the route below answers them all the same.
      .catch(() => undefined),
  );
});

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && isTalkFile(url.pathname),
  async ({ request }) => {
    const kept = await (await caches.open(TALKS_CACHE)).match(request);
    // Not kept: the network, whose failure the page shows as "not available offline".
    return kept ?? fetch(request);
  },
);

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && isSearchFile(url.pathname),
  new CacheFirst({ cacheName: SEARCH_CACHE }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});

// On the first visit the worker takes the open page at once, so what is read then is kept too.
clientsClaim();

import { hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { HYDRATION_ID, type HydrationPayload } from './app/hydration';
import { loadFullStylesheet, loadFullStylesheetOnIntent } from './app/full-stylesheet';
import { AppProviders } from './app/providers';
import { queryClient } from './app/query-client';
import { AppRoutes, loadPageFor } from './app/routes';
import { indexQueryOptions } from './features/notes/api/get-index';
import { registerWorker } from './features/offline/register-worker';
import { applyTheme, currentTheme } from './features/theme/theme';
import { parseShow } from './lib/filters';
import './index.css';

// public/theme.js already did this before first paint; repeat in case it was not loaded.
applyTheme(currentTheme());

const basename = import.meta.env.BASE_URL;

function readHydration(): HydrationPayload | null {
  const text = document.getElementById(HYDRATION_ID)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as HydrationPayload;
  } catch {
    return null;
  }
}

/** A router path with each segment decoded, so `%E8%AB%87` and `談` compare equal. */
function normalizePath(pathname: string): string {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return trimmed
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/**
 * Whether the HTML was rendered for this very URL: a static host may answer an unknown path with
 * another page (the SPA fallback), and `?show=` changes the sidebar. Anything else would not
 * hydrate cleanly, so the app renders from scratch then.
 */
function renderedForThisUrl(payload: HydrationPayload): boolean {
  const here = routerPath();
  return (
    here !== null &&
    normalizePath(here) === normalizePath(payload.path) &&
    parseShow(window.location.search) === parseShow(payload.search)
  );
}

/** The current path below the base path, as the router sees it; null outside the base path. */
function routerPath(): string | null {
  const base = basename.replace(/\/$/, '');
  const { pathname } = window.location;
  return pathname.startsWith(base) ? pathname.slice(base.length) || '/' : null;
}

function App({ hydrating = false }: { hydrating?: boolean }) {
  return (
    <StrictMode>
      <AppProviders>
        {/* No transitions: a page's data is nearly always in the cache already (see routes.tsx),
            so it renders in one pass instead of interruptible slices (sooner on a slow CPU). */}
        <BrowserRouter basename={basename} useTransitions={false}>
          <AppRoutes loading={!hydrating} />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>
  );
}

/** Runs once the page has loaded and the browser is idle: never in the way of the first paint. */
function afterLoad(task: () => void): void {
  const idle = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(task, { timeout: 5000 })
      : setTimeout(task, 200);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/**
 * Fetches the other talks of this page's conference (and the reading pane's code) ahead, so
 * opening one from the sidebar fetches nothing.
 */
function prefetchConference(payload: HydrationPayload): void {
  const bundle = payload.talksBundle;
  if (!bundle) return;
  const [conference, talk] = normalizePath(payload.path).split('/').slice(1);
  afterLoad(() => {
    void import('./features/talks/prefetch-talks').then(({ prefetchTalks }) =>
      prefetchTalks(queryClient, bundle, conference && talk ? { conference, talk } : undefined),
    );
  });
}

/**
 * Registers the service worker that makes the app work offline, once the page has loaded and the
 * browser is idle: the first visit must not wait for it. Never in `npm run dev`.
 */
function registerOfflineWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  afterLoad(() => void registerWorker(queryClient));
}

async function start(): Promise<void> {
  const container = document.getElementById('root')!;
  const payload = readHydration();
  if (payload) {
    // The embedded data is exactly as fresh as the page that carried it.
    const now = Date.now();
    for (const query of payload.queries.queries) query.state.dataUpdatedAt = now;
    hydrate(queryClient, payload.queries);
  }
  if (payload && container.firstChild && renderedForThisUrl(payload)) {
    try {
      // Large indexes are not embedded in each page: the first render needs it all the same.
      await Promise.all([
        loadPageFor(routerPath() ?? '/'),
        queryClient.ensureQueryData(indexQueryOptions()),
      ]);
      hydrateRoot(container, <App hydrating />);
      loadFullStylesheetOnIntent();
      prefetchConference(payload);
      return;
    } catch {
      // The index or a page's code could not be loaded: render in the browser, which shows the
      // error (and a way on) in place of the static page.
    }
  }
  // Rendered anew, the page may show what its own rules do not cover.
  loadFullStylesheet();
  createRoot(container).render(<App />);
}

void start();
registerOfflineWorker();

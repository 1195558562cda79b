import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../../config/paths';
import { startKeeping } from './kept-talks';
import { setApplyUpdate, setWorkerState } from './worker-state';

/** How often an open page asks whether new notes were deployed (a load asks too). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** What the worker (src/service-worker/sw.ts) takes as "take over now". */
const SKIP_WAITING = { type: 'SKIP_WAITING' };

/** Asks the server for a new worker now and then, and when the network comes back. */
function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const check = () => {
    if (!navigator.onLine || document.visibilityState !== 'visible') return;
    registration.update().catch(() => undefined);
  };
  setInterval(check, UPDATE_CHECK_MS);
  window.addEventListener('online', check);
}

/**
 * Says "new notes" once a new build's worker has installed and waits: one that already waited
 * when the page loaded, or one that finishes installing now. The first worker a browser installs
 * (no page controlled yet) is no update.
 */
function watchForWaiting(registration: ServiceWorkerRegistration): void {
  const waiting = () => {
    if (navigator.serviceWorker.controller) setWorkerState({ updateWaiting: true });
  };
  if (registration.waiting) waiting();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') waiting();
    });
  });
}

/**
 * Registers the service worker (src/service-worker/sw.ts): called once the page has loaded, so the
 * first visit pays nothing for it. A new build's worker waits until the reader chooses to reload
 * (UpdatePrompt); content is never swapped under them. Without service workers (an old browser,
 * some private modes) the app works online as before.
 */
export async function registerWorker(client: QueryClient): Promise<void> {
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await navigator.serviceWorker.register(paths.worker(), {
      scope: import.meta.env.BASE_URL,
    });
  } catch {
    return;
  }
  // A browser that blocks workers may answer with nothing rather than an error (Playwright does).
  if (!registration) return;
  let reloadAsked = false;
  // The new worker has taken over. Reload only if this reader asked: another tab's reader may
  // have, and this page is left as it is (its prompt still offers the reload).
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadAsked) window.location.reload();
  });
  setApplyUpdate(() => {
    reloadAsked = true;
    // No worker waits any more (another tab took the update): the reload alone brings it.
    if (registration.waiting) registration.waiting.postMessage(SKIP_WAITING);
    else window.location.reload();
  });
  setWorkerState({ ready: true });
  watchForWaiting(registration);
  watchForUpdates(registration);
  startKeeping(client);
}

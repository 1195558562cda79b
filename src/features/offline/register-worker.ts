import type { QueryClient } from '@tanstack/react-query';
import { registerSW } from 'virtual:pwa-register';
import { startKeeping } from './kept-talks';
import { setApplyUpdate, setWorkerState } from './worker-state';

/** How often an open page asks whether new notes were deployed (a load asks too). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

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
 * Registers the service worker (src/service-worker/sw.ts): called once the page has loaded, so the
 * first visit pays nothing for it. A new build's worker waits until the reader chooses to reload
 * (UpdatePrompt); content is never swapped under them. Without service workers (an old browser,
 * some private modes) the app works online as before.
 */
export function registerWorker(client: QueryClient): void {
  let registration: ServiceWorkerRegistration | undefined;
  let reloadAsked = false;
  const activateWaiting = registerSW({
    immediate: true,
    onNeedRefresh: () => setWorkerState({ updateWaiting: true }),
    // The new worker has taken over. Reload only if this reader asked: another tab's reader may
    // have, and this one's page is left as it is (its prompt still offers the reload).
    onNeedReload: () => {
      if (reloadAsked) window.location.reload();
    },
    onRegisteredSW: (_url, registered) => {
      if (!registered) return;
      registration = registered;
      setWorkerState({ ready: true });
      watchForUpdates(registered);
      startKeeping(client);
    },
  });
  setApplyUpdate(() => {
    reloadAsked = true;
    // No worker waits any more (another tab took the update): the reload alone brings it.
    if (registration?.waiting) void activateWaiting(true);
    else window.location.reload();
  });
}

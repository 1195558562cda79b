import { lazy, useState } from 'react';
import { LazyPart } from '../../../components/lazy-part';
import { useWorkerState } from '../worker-state';

/** The notice itself, loaded only once a new build waits: a first visit goes without its code. */
const UpdateNotice = lazy(async () => ({
  default: (await import('./update-notice')).UpdateNotice,
}));

/**
 * "New notes available" with a Reload button, once a new build's worker waits: the page the
 * reader is on stays as it is until they choose. "Later" hides it until the next visit. The
 * live region is there from the start, so screen readers announce the notice when it appears.
 */
export function UpdatePrompt() {
  const { updateWaiting } = useWorkerState();
  const [later, setLater] = useState(false);
  const shown = updateWaiting && !later;
  return (
    <div
      role="status"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-center p-3 sm:bottom-4"
    >
      {shown && (
        // A new worker waits, so this code is in the offline copy even without a network; were
        // it not, the notice is left out rather than the page.
        <LazyPart loading={null} failed={null}>
          <UpdateNotice onLater={() => setLater(true)} />
        </LazyPart>
      )}
    </div>
  );
}

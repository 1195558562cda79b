import { useSyncExternalStore } from 'react';

/** What the page knows of its service worker (src/features/offline/register-worker.ts). */
export interface WorkerState {
  /** Registered: what the app keeps in the offline caches will be served from them. */
  ready: boolean;
  /** A new build's worker is installed and waits for the reader to reload ("New notes"). */
  updateWaiting: boolean;
}

const NONE: WorkerState = { ready: false, updateWaiting: false };

let state = NONE;
let applyUpdate: () => void = () => window.location.reload();
const listeners = new Set<() => void>();

/** Merges a change into the state and tells the subscribers. */
export function setWorkerState(change: Partial<WorkerState>): void {
  state = { ...state, ...change };
  listeners.forEach((listener) => listener());
}

/** What "Reload" does: let the waiting worker take over, then reload (set by the registration). */
export function setApplyUpdate(apply: () => void): void {
  applyUpdate = apply;
}

/** Switches to the new build's worker and reloads the page for the new notes. */
export function reloadForUpdate(): void {
  applyUpdate();
}

export function getWorkerState(): WorkerState {
  return state;
}

export function subscribeWorkerState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The worker's state for a component; "no worker" while pre-rendering and hydrating. */
export function useWorkerState(): WorkerState {
  return useSyncExternalStore(subscribeWorkerState, getWorkerState, () => NONE);
}

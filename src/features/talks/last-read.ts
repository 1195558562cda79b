import { useSyncExternalStore } from 'react';
import { createLocalStore } from '../../lib/local-store';

/** The last talk opened, for "Continue where you left off". */
export interface LastRead {
  conference: string;
  talk: string;
}

const store = createLocalStore<LastRead | null>(
  'notes-reader:last-read',
  (value) => {
    const v = value as Partial<LastRead> | null;
    return v && typeof v.conference === 'string' && typeof v.talk === 'string'
      ? { conference: v.conference, talk: v.talk }
      : null;
  },
  null,
);

export function rememberLastRead(value: LastRead): void {
  const current = store.get();
  if (current?.conference !== value.conference || current.talk !== value.talk) store.set(value);
}

export function useLastRead(): LastRead | null {
  return useSyncExternalStore(store.subscribe, store.get, () => null);
}

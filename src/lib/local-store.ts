import { readStored, writeStored } from './storage';

/** A value kept in localStorage that React can subscribe to (useSyncExternalStore), synced across tabs. */
export interface LocalStore<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createLocalStore<T>(
  key: string,
  parse: (value: unknown) => T | null,
  fallback: T,
): LocalStore<T> {
  const listeners = new Set<() => void>();
  let loaded = false;
  let current = fallback;

  const load = () => {
    current = readStored(key, parse) ?? fallback;
    loaded = true;
  };
  const notify = () => listeners.forEach((listener) => listener());

  return {
    get: () => {
      if (!loaded) load();
      return current;
    },
    set: (value) => {
      current = value;
      loaded = true;
      writeStored(key, value);
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key !== key) return;
        load();
        notify();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}

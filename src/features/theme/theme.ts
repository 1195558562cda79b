import { useSyncExternalStore } from 'react';
import { createLocalStore } from '../../lib/local-store';

export type Theme = 'light' | 'dark';

/** Same key and format as public/theme.js, which applies the theme before first paint. */
export const THEME_KEY = 'notes-reader:theme';

const chosen = createLocalStore<Theme | null>(
  THEME_KEY,
  (value) => (value === 'light' || value === 'dark' ? value : null),
  null,
);

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function subscribeSystem(listener: () => void): () => void {
  const media = matchMedia(DARK_QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** The theme in force: the reader's choice, else the system's. */
export function currentTheme(): Theme {
  return chosen.get() ?? systemTheme();
}

/**
 * Sets the `dark` class Tailwind's dark variant keys on, the native controls' colour scheme, and
 * the browser's (or installed app's) title bar colour: index.html has a `theme-color` per theme,
 * each for its system scheme; a theme chosen by hand wins over the system's.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme;
  for (const meta of document.querySelectorAll<HTMLMetaElement>(
    'meta[name="theme-color"][data-theme]',
  )) {
    meta.media = meta.dataset.theme === theme ? 'all' : 'not all';
  }
}

export function useTheme(): { theme: Theme; toggle: () => void } {
  const choice = useSyncExternalStore(chosen.subscribe, chosen.get, () => null);
  const system = useSyncExternalStore(subscribeSystem, systemTheme, () => 'light' as Theme);
  const theme = choice ?? system;
  return { theme, toggle: () => chosen.set(theme === 'dark' ? 'light' : 'dark') };
}

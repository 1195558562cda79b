import { lazy } from 'react';

/**
 * The not-found page for a talk or conference the index lacks: loaded only then, so the pages that
 * are found do not carry its code (or its fuzzy matcher).
 */
export const LazyNotFoundPage = lazy(async () => ({
  default: (await import('./not-found-page')).NotFoundPage,
}));

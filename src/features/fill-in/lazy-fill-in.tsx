import { lazy } from 'react';

/**
 * The fill-in editor's parts, loaded only by the dev server's pages: in a build
 * `import.meta.env.DEV` is false, these are null, and no chunk of the editor is emitted.
 */
export const LazyGapFillInButton = import.meta.env.DEV
  ? lazy(() => import('./components/gap-fill-in').then((m) => ({ default: m.GapFillInButton })))
  : null;
export const LazyGapFillInSlot = import.meta.env.DEV
  ? lazy(() => import('./components/gap-fill-in').then((m) => ({ default: m.GapFillInSlot })))
  : null;
export const LazyTalkFillIn = import.meta.env.DEV
  ? lazy(() => import('./components/talk-fill-in'))
  : null;
export const LazySummaryFillIn = import.meta.env.DEV
  ? lazy(() => import('./components/talk-fill-in').then((m) => ({ default: m.SummaryFillIn })))
  : null;

import { lazy } from 'react';

/**
 * The "not available offline" pane, loaded only when a talk could not be reached: every other
 * page's first load goes without its code. The offline worker keeps it with the app's other code.
 */
export const LazyTalkUnavailable = lazy(async () => ({
  default: (await import('./talk-unavailable')).TalkUnavailable,
}));

import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Scrolls to `#id` once the content it points into has rendered (ids may be CJK, hence decoding). */
export function useHashScroll(ready: unknown): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    let id = hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: look the raw text up.
    }
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [hash, ready]);
}

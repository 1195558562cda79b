import { useEffect } from 'react';
import { isTyping } from '../lib/is-typing';

/** Calls back on plain ← / → presses, not while typing in a field nor with a modifier held. */
export function useArrowKeys(onLeft: (() => void) | null, onRight: (() => void) | null): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.shiftKey
      )
        return;
      if (isTyping(event.target)) return;
      if (event.key === 'ArrowLeft' && onLeft) {
        event.preventDefault();
        onLeft();
      } else if (event.key === 'ArrowRight' && onRight) {
        event.preventDefault();
        onRight();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLeft, onRight]);
}

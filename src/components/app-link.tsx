import { memo, type ComponentPropsWithoutRef, type MouseEvent, type Ref } from 'react';
import { useStableNavigate } from '../app/navigate-context';
import { KEEP_SCROLL } from '../app/scroll-restoration';

type Props = Omit<ComponentPropsWithoutRef<'a'>, 'href'> & {
  /** Router path (below the base path), as `paths` builds it. */
  to: string;
  replace?: boolean;
  preventScrollReset?: boolean;
  ref?: Ref<HTMLAnchorElement>;
};

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A click the browser should handle itself: another tab or window, a download, a modifier. */
function leftToBrowser(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target');
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.altKey ||
    event.ctrlKey ||
    event.shiftKey ||
    (target !== null && target !== '_self')
  );
}

/**
 * A link inside the app, for long lists (the sidebar): a real `<a href>` that navigates in place
 * like react-router's Link, but reads no router state, so a row re-renders only when its own
 * props change, not on every page change.
 */
export const AppLink = memo(function AppLink({
  to,
  replace,
  preventScrollReset,
  onClick,
  ...rest
}: Props) {
  const navigate = useStableNavigate();
  return (
    <a
      href={`${base}${to}`}
      onClick={(event) => {
        onClick?.(event);
        if (!navigate || leftToBrowser(event)) return;
        event.preventDefault();
        void navigate(to, { replace, state: preventScrollReset ? KEEP_SCROLL : undefined });
      }}
      {...rest}
    />
  );
});

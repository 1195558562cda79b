import {
  createContext,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useNavigate, type NavigateFunction, type NavigateOptions, type To } from 'react-router';

const NavigateContext = createContext<NavigateFunction | null>(null);

/**
 * Hands the router's navigate function down through a context that never changes, so links that
 * read it (AppLink) do not re-render on every navigation as router hooks make them. Outside a
 * data router useNavigate returns a new function after each navigation: the context holds one
 * that calls the latest.
 */
export function NavigateProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const latest = useRef(navigate);
  useLayoutEffect(() => {
    latest.current = navigate;
  }, [navigate]);
  const [stable] = useState<NavigateFunction>(
    () =>
      ((to: To | number, options?: NavigateOptions) =>
        typeof to === 'number'
          ? latest.current(to)
          : latest.current(to, options)) as NavigateFunction,
  );
  return <NavigateContext.Provider value={stable}>{children}</NavigateContext.Provider>;
}

/** The router's navigate function, or null outside NavigateProvider (links then load pages). */
export function useStableNavigate(): NavigateFunction | null {
  return useContext(NavigateContext);
}

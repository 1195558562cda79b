import { createContext, useContext, type ReactNode } from 'react';
import { useNavigate, type NavigateFunction } from 'react-router';

const NavigateContext = createContext<NavigateFunction | null>(null);

/**
 * Hands the router's navigate function down through a context that never changes, so links that
 * read it (AppLink) do not re-render on every navigation as router hooks make them.
 */
export function NavigateProvider({ children }: { children: ReactNode }) {
  // In a data router, useNavigate returns the same function for the route's whole life.
  const navigate = useNavigate();
  return <NavigateContext.Provider value={navigate}>{children}</NavigateContext.Provider>;
}

/** The router's navigate function, or null outside NavigateProvider (links then load pages). */
export function useStableNavigate(): NavigateFunction | null {
  return useContext(NavigateContext);
}

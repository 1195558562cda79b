import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { parseShow, type ShowFilter } from '../lib/filters';

/** The sidebar filter from the URL (`?show=`); links pass it on so it survives navigation. */
export function useShowFilter(): ShowFilter {
  const { search } = useLocation();
  // Read by many components on every page change: parse the query string only when it changes.
  return useMemo(() => parseShow(search), [search]);
}

import { useSearchParams } from 'react-router';
import { parseShow, type ShowFilter } from '../lib/filters';

/** The sidebar filter from the URL (`?show=`); links pass it on so it survives navigation. */
export function useShowFilter(): ShowFilter {
  const [params] = useSearchParams();
  return parseShow(params);
}

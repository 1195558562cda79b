import { queryOptions } from '@tanstack/react-query';
import { paths } from '../../../config/paths';
import { TALKS_CACHE } from '../offline-caches';

/** The URL path a talk's data file is requested (and kept) under. */
export function keptPath(dataFile: string): string {
  return new URL(paths.data.file(dataFile), window.location.href).pathname;
}

/** The URL paths of the talk documents kept for reading offline (none without the Cache API). */
export async function getKeptTalks(): Promise<ReadonlySet<string>> {
  if (typeof caches === 'undefined') return new Set();
  const requests = await (await caches.open(TALKS_CACHE)).keys();
  return new Set(requests.map((request) => new URL(request.url).pathname));
}

export function keptTalksQueryOptions() {
  return queryOptions({
    queryKey: ['offline', 'kept-talks'],
    queryFn: getKeptTalks,
    // Changes only when the app keeps or drops a talk, which invalidates it.
    staleTime: Infinity,
  });
}

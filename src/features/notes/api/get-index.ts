import { queryOptions } from '@tanstack/react-query';
import { DATA_VERSION, type NotesIndex } from '../../../compiler/contract';
import { paths } from '../../../config/paths';
import { checkVersion, fetchJson } from '../../../lib/data-error';

function checkIndex(value: unknown): string | null {
  const problem = checkVersion(value, DATA_VERSION);
  if (problem) return problem;
  if (!Array.isArray((value as { conferences?: unknown }).conferences)) {
    return 'Unexpected index without `conferences`, expected a list of conferences';
  }
  return null;
}

/** Loads `data/index.json`: every conference, day and talk summary. */
export function getIndex(signal?: AbortSignal): Promise<NotesIndex> {
  return fetchJson<NotesIndex>(paths.data.index(), checkIndex, signal);
}

export function indexQueryOptions() {
  return queryOptions({
    queryKey: ['index'],
    queryFn: ({ signal }) => getIndex(signal),
    // The index is not content-hashed: revalidate it now and then, keep it meanwhile.
    staleTime: 60_000,
  });
}

import { queryOptions } from '@tanstack/react-query';
import { DATA_VERSION, type ReaderTalk } from '../../../compiler/contract';
import { paths } from '../../../config/paths';
import { checkVersion, DataError, fetchJson } from '../../../lib/data-error';
import { findTalk } from '../../../lib/notes-index';
import { indexQueryOptions } from '../../notes/api/get-index';

function checkTalk(value: unknown): string | null {
  const problem = checkVersion(value, DATA_VERSION);
  if (problem) return problem;
  const doc = value as Partial<ReaderTalk>;
  if (
    typeof doc.tree !== 'object' ||
    doc.tree === null ||
    !Array.isArray(doc.tree.children) ||
    !Array.isArray(doc.outline) ||
    !Array.isArray(doc.gaps)
  ) {
    return 'Unexpected talk without `tree`, `outline` or `gaps`, expected a talk document';
  }
  return null;
}

/** Loads one talk's document (content-hashed file named in the index). */
export function getTalk(dataFile: string, signal?: AbortSignal): Promise<ReaderTalk> {
  return fetchJson<ReaderTalk>(paths.data.file(dataFile), checkTalk, signal);
}

export function talkQueryOptions(conference: string, talk: string) {
  return queryOptions({
    queryKey: ['talks', conference, talk],
    // The file name comes from the freshest index, so a rebuilt (re-hashed) talk is found after an edit.
    queryFn: async ({ client, signal }) => {
      const index = await client.ensureQueryData(indexQueryOptions());
      const entry = findTalk(index, conference, talk);
      if (!entry) {
        throw new DataError('not-found', `${conference}/${talk}`, `No talk ${conference}/${talk}`);
      }
      return getTalk(entry.talk.dataFile, signal);
    },
    // Talk files are content-hashed: what was loaded stays right until the index changes.
    staleTime: Infinity,
  });
}

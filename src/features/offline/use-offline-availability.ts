import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { talkQueryOptions } from '../talks/api/get-talk';
import { keptPath, keptTalksQueryOptions } from './api/get-kept-talks';

/** A talk as the checks below need it: its slugs and its data file (from the index). */
export interface TalkRef {
  conference: string;
  talk: string;
  dataFile: string;
}

/**
 * Whether a talk can be opened without a network: kept on this device, or already in this page's
 * memory (fetched or prefetched since it loaded). False until the kept list has been read.
 */
export function useOfflineAvailability(): (ref: TalkRef) => boolean {
  const client = useQueryClient();
  const { data: kept } = useQuery(keptTalksQueryOptions());
  return useCallback(
    (ref: TalkRef) =>
      !!kept?.has(keptPath(ref.dataFile)) ||
      client.getQueryData(talkQueryOptions(ref.conference, ref.talk).queryKey) !== undefined,
    [client, kept],
  );
}

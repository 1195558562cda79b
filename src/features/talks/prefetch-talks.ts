import type { QueryClient } from '@tanstack/react-query';
import type { TalksBundle } from '../../app/hydration';
import { DATA_VERSION } from '../../compiler/contract';
import { paths } from '../../config/paths';
import { checkVersion, fetchJson } from '../../lib/data-error';
import { whenIdle } from '../../lib/when-idle';
import { talkQueryOptions } from './api/get-talk';
import { prepareTalkBody } from './components/talk-body';

function checkBundle(value: unknown): string | null {
  const problem = checkVersion(value, DATA_VERSION);
  if (problem) return problem;
  if (!Array.isArray((value as Partial<TalksBundle>).talks)) {
    return 'Unexpected bundle without `talks`, expected a list of talk documents';
  }
  return null;
}

/**
 * Puts every talk of the page's conference into the query cache (one request, when the browser
 * is idle) and renders their bodies ahead, one per idle moment, nearest to the talk being read
 * first: opening any of them from the sidebar then waits on neither the network nor the Markdown
 * parser. Best effort: a failure only means those talks load on demand, as without it.
 */
export async function prefetchTalks(
  client: QueryClient,
  bundleFile: string,
  current?: { conference: string; talk: string },
): Promise<void> {
  let bundle: TalksBundle;
  try {
    bundle = await fetchJson<TalksBundle>(paths.data.file(bundleFile), checkBundle);
  } catch {
    return;
  }
  for (const doc of bundle.talks) {
    const { queryKey } = talkQueryOptions(doc.conference.slug, doc.slug);
    if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, doc);
  }
  const at = Math.max(
    0,
    bundle.talks.findIndex(
      (doc) => doc.conference.slug === current?.conference && doc.slug === current.talk,
    ),
  );
  const order = bundle.talks
    .map((_, i) => i)
    .sort((a, b) => Math.abs(a - at) - Math.abs(b - at))
    .map((i) => bundle.talks[i]!);
  const next = () => {
    const doc = order.shift();
    if (!doc) return;
    // The cached document, so the prepared body is found again by identity when it renders.
    const cached = client.getQueryData(talkQueryOptions(doc.conference.slug, doc.slug).queryKey);
    if (cached) prepareTalkBody(cached);
    whenIdle(next);
  };
  whenIdle(next);
}

/**
 * The search worker (a module worker, started by get-search-index.ts): loads the sharded search
 * index a chunk at a time and runs each search off the page's thread. A result's text comes from
 * its talk's data file (fetched once, kept for the session), the one the reader opens: the index
 * stores no text.
 */
import type { ReaderTalk, SearchManifest } from '../../../compiler/contract';
import { DATA_VERSION } from '../../../compiler/contract';
import { paths } from '../../../config/paths';
import { checkVersion, fetchJson, isDataError } from '../../../lib/data-error';
import {
  runSearch,
  type RunOptions,
  type SearchRun,
  type SearchSource,
} from '../../../lib/search-run';
import { expandTree } from '../../../lib/expand-tree';
import { sectionTexts } from '../../../lib/search-text';
import { ShardedIndex, shardedSource, type ChunkEntries } from '../../../lib/sharded-index';
import type { SearchReply, SearchRequest, WorkerFailure, WorkerTalk } from './search-protocol';

/** The worker's global scope, as far as it is used here (the app's types are the page's). */
const scope = self as unknown as {
  postMessage: (reply: SearchReply) => void;
  addEventListener: (
    type: 'message',
    listener: (event: MessageEvent<SearchRequest>) => void,
  ) => void;
};

function checkManifest(value: unknown): string | null {
  const manifest = value as Partial<SearchManifest> | null;
  if (manifest?.version !== 1 || !Array.isArray(manifest.chunks)) {
    return `Unexpected search index \`${String(manifest?.version)}\`, expected version 1 (run \`npm run data\`)`;
  }
  return null;
}

function checkChunk(value: unknown): string | null {
  return Array.isArray(value) ? null : 'Unexpected search chunk, expected an array of terms';
}

function failure(error: unknown): WorkerFailure {
  return {
    network: isDataError(error) && error.kind === 'network',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** Returns the folder of a data file (`search/ab12cd34/`). */
function folderOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/') + 1);
}

/** Returns a search source over the sharded index, the talks and their data files. */
async function openSource(
  searchFile: string,
  talks: readonly WorkerTalk[],
): Promise<SearchSource & { documentCount: number }> {
  const manifest = await fetchJson<SearchManifest>(paths.data.file(searchFile), checkManifest);
  if (manifest.sections.length !== talks.length) {
    // A dev server writes the search index after the talks: this one is of the notes before.
    throw new Error(
      `Unexpected search index of ${manifest.sections.length} talks, expected ${talks.length} (it is being rebuilt: retry in a moment)`,
    );
  }
  const folder = folderOf(searchFile);
  const index = new ShardedIndex(manifest, (chunk) =>
    fetchJson<ChunkEntries>(paths.data.file(`${folder}${chunk}.json`), checkChunk),
  );
  // A talk file not at hand (offline and not kept) rejects: its results are listed without text.
  const talkSections = async (talk: number) => {
    const document = await fetchJson<ReaderTalk>(paths.data.file(talks[talk].dataFile), (value) =>
      checkVersion(value, DATA_VERSION),
    );
    return sectionTexts(expandTree(document.tree).children, document.outline);
  };
  return { documentCount: manifest.documentCount, ...shardedSource(index, talks, talkSections) };
}

let source: Promise<Awaited<ReturnType<typeof openSource>>> | null = null;

/** Searches under way, by id: a cancelled one stops at its next step. */
const running = new Map<number, AbortController>();

function open(searchFile: string, talks: readonly WorkerTalk[]): void {
  source = openSource(searchFile, talks);
  source.then(
    ({ documentCount }) => scope.postMessage({ kind: 'opened', documentCount }),
    (error: unknown) => {
      source = null;
      scope.postMessage({ kind: 'open-failed', failure: failure(error) });
    },
  );
}

function search(id: number, raw: string, options: RunOptions, count?: number): void {
  if (!source) {
    scope.postMessage({
      kind: 'failed',
      id,
      failure: failure(new Error('Unexpected search before the index was opened')),
    });
    return;
  }
  const controller = new AbortController();
  running.set(id, controller);
  const { signal } = controller;
  source
    .then((opened) => {
      const report = (run: SearchRun) => scope.postMessage({ kind: 'first', id, run });
      const first = count === undefined ? undefined : { count, report };
      return runSearch(opened, raw, options, { signal, first });
    })
    .then(
      (run) => scope.postMessage({ kind: 'result', id, run }),
      (error: unknown) => {
        // A cancelled search has no one waiting for it.
        if (!signal.aborted) scope.postMessage({ kind: 'failed', id, failure: failure(error) });
      },
    )
    .finally(() => running.delete(id));
}

scope.addEventListener('message', ({ data: request }) => {
  switch (request.kind) {
    case 'open':
      open(request.searchFile, request.talks);
      return;
    case 'search':
      search(request.id, request.raw, request.options, request.first);
      return;
    case 'cancel':
      running.get(request.id)?.abort();
      return;
  }
});

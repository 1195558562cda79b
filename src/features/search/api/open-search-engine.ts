import type { NotesIndex } from '../../../compiler/contract';
import { DataError } from '../../../lib/data-error';
import type { SearchRun } from '../../../lib/search-run';
import { indexTalks } from '../../../lib/search-source';
import type { SearchReply, WorkerFailure } from '../worker/search-protocol';
import type { SearchEngine } from './get-search-index';

function dataError(file: string, { network, message }: WorkerFailure): DataError {
  return new DataError(network ? 'network' : 'corrupt', file, message);
}

/**
 * Starts the search worker on the index's search files and resolves once it has loaded the
 * manifest (the chunks of terms follow as searches need them). The worker, MiniSearch and the
 * tokenizer load on first use only, so none of them is in the first page's bundle.
 */
export function openSearchEngine(
  index: NotesIndex & { searchFile: string },
): Promise<SearchEngine> {
  const { searchFile } = index;
  const worker = new Worker(new URL('../worker/search-worker.ts', import.meta.url), {
    type: 'module',
    name: 'search',
  });
  const waiting = new Map<
    number,
    {
      resolve: (run: SearchRun) => void;
      reject: (e: Error) => void;
      report?: (run: SearchRun) => void;
    }
  >();
  let nextId = 0;
  return new Promise((resolve, reject) => {
    worker.addEventListener('error', (event) => {
      reject(new Error(`Could not start the search worker: ${event.message}`));
    });
    worker.addEventListener('message', ({ data: reply }: MessageEvent<SearchReply>) => {
      switch (reply.kind) {
        case 'opened':
          resolve({
            documentCount: reply.documentCount,
            search: (raw, options = {}, { signal, first } = {}) =>
              new Promise((resolveRun, rejectRun) => {
                if (signal?.aborted) {
                  rejectRun(signal.reason);
                  return;
                }
                const id = nextId++;
                waiting.set(id, { resolve: resolveRun, reject: rejectRun, report: first?.report });
                worker.postMessage({ kind: 'search', id, raw, options, first: first?.count });
                signal?.addEventListener('abort', () => {
                  if (!waiting.delete(id)) return;
                  worker.postMessage({ kind: 'cancel', id });
                  rejectRun(signal.reason);
                });
              }),
          });
          return;
        case 'open-failed':
          worker.terminate();
          reject(dataError(searchFile, reply.failure));
          return;
        case 'first':
          waiting.get(reply.id)?.report?.(reply.run);
          return;
        case 'result':
        case 'failed': {
          const pending = waiting.get(reply.id);
          waiting.delete(reply.id);
          if (reply.kind === 'result') pending?.resolve(reply.run);
          else pending?.reject(dataError(searchFile, reply.failure));
          return;
        }
      }
    });
    worker.postMessage({ kind: 'open', searchFile, talks: indexTalks(index) });
  });
}

/**
 * A compiler worker thread (started by `compileNoteFiles` and `SearchIndexer`): compiles the
 * notes file of each `compile` request and replies with its model; or builds a search index from
 * the documents it is sent and replies with its files, and writes the data files it is sent.
 * Reads and writes the file system.
 */
import { parentPort } from 'node:worker_threads';
import { compileFile } from './compile-notes.ts';
import { SearchPostings } from './search-postings.ts';
import { shardSearchIndex } from './search-shards.ts';
import { writeDataFiles, type WriteReport } from './write.ts';
import type { WorkerReply, WorkerRequest } from './worker-threads.ts';

const port = parentPort;
if (!port) throw new Error('Unexpected main thread, expected compile-worker.ts to run in a worker');
const reply = (message: WorkerReply) => port.postMessage(message);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The same index `buildSearchIndex` makes (search-index.ts), fed a file at a time.
let index: SearchPostings | null = null;
// The writes asked for so far, one batch after the other, and what they did.
let writes: Promise<void> = Promise.resolve();
let written: WriteReport = { written: [], unchanged: [], removed: [] };
let writeError: unknown = null;

port.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'compile':
      compileFile(request.file, request.options).then(
        (compiled) => reply({ kind: 'compiled', id: request.id, compiled }),
        (error: unknown) => reply({ kind: 'error', id: request.id, error: reason(error) }),
      );
      return;
    case 'index':
      try {
        (index ??= new SearchPostings()).addAll(request.documents);
      } catch (error) {
        reply({ kind: 'error', error: reason(error) });
      }
      return;
    case 'write': {
      const { outDir, files } = request;
      writes = writes.then(() =>
        writeDataFiles(outDir, files, { prune: 'none' }).then(
          (report) => {
            written.written.push(...report.written);
            written.unchanged.push(...report.unchanged);
          },
          (error: unknown) => void (writeError ??= error),
        ),
      );
      return;
    }
    case 'flush':
      void writes.then(() => {
        const error = writeError === null ? null : reason(writeError);
        reply({ kind: 'flushed', report: written, error });
        written = { written: [], unchanged: [], removed: [] };
        writeError = null;
      });
      return;
    case 'serialize':
      try {
        const built = index ?? new SearchPostings();
        index = null;
        reply({
          kind: 'serialized',
          ...shardSearchIndex(built.indexed(), request.sections, request.talkFiles),
        });
      } catch (error) {
        reply({ kind: 'error', error: reason(error) });
      }
      return;
  }
});

/**
 * A compile worker thread (started by `compileNotes`): compiles the notes file of each request
 * and replies with its compiled model. Reads the file system; keeps no state between requests.
 */
import { parentPort } from 'node:worker_threads';
import { compileFile, type WorkerReply, type WorkerRequest } from './compile-notes.ts';

const port = parentPort;
if (!port) throw new Error('Unexpected main thread, expected compile-worker.ts to run in a worker');

port.on('message', (request: WorkerRequest) => {
  compileFile(request.file, request.options).then(
    (compiled) => port.postMessage({ id: request.id, compiled } satisfies WorkerReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply),
  );
});

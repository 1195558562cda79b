import type { Worker } from 'node:worker_threads';
import { emitData, type EmitPlugin, type EmittedTalk } from './emit.ts';
import type { DataFile } from './emit.ts';
import type { WriteReport } from './write.ts';
import type { CompiledFile } from './model.ts';
import { searchDocuments } from './search-index.ts';
import { assignSlugs, type SlugRequest } from './slugs.ts';
import type { TalkDocument } from './contract.ts';
import { startWorker, workerScript, type WorkerReply } from './worker-threads.ts';

/**
 * The search index built in a worker thread while the notes compile, so it costs no time after
 * the last file: each file's search documents go to the worker as soon as that file and every
 * file before it are compiled. Given a data folder, the worker also writes each file's talk
 * files there meanwhile (content-hashed names no index points at yet), so the writing of
 * thousands of files overlaps the parse instead of following it. The documents are made from
 * each file emitted on its own, with the conference slug the whole emit should give it; they are
 * the ones `searchIndexPlugin` would make when that guess holds, which `plugin` checks, talk by
 * talk (emit memoizes talk documents, so the whole emit returns the very same objects).
 */
export class SearchIndexer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, CompiledFile>();
  private next = 0;
  private documents = 0;
  /** Documents per talk indexed, in order, and the talks' data files. */
  private readonly sections: number[] = [];
  private readonly talkFiles: string[] = [];
  /** The talk documents indexed, in order (emit memoizes them, so the whole emit returns these same objects). */
  private readonly talks: TalkDocument[] = [];
  private readonly slugs: SlugRequest[] = [];
  private failure: Error | null = null;
  private serialized: Promise<{ searchFile: string; files: DataFile[] }> | null = null;

  /** Where the worker writes each file's talk files as it is indexed, or null for nowhere. */
  private readonly outDir: string | null;

  private constructor(worker: Worker, outDir: string | null) {
    this.worker = worker;
    this.outDir = outDir;
    worker.on('error', (error) => (this.failure ??= error));
    // Gone (closed, or stopped on its own): nothing more is indexed or written there.
    worker.on(
      'exit',
      () =>
        (this.failure ??= new Error(
          'Unexpected exit of the search index thread, expected it to run until closed',
        )),
    );
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'error') this.failure ??= new Error(reply.error);
    });
  }

  /**
   * Returns a started indexer, or null when no worker can be started; with `outDir`, its worker
   * writes the talk files of each file accepted there (see `flushWrites`).
   */
  static async start({ outDir }: { outDir?: string } = {}): Promise<SearchIndexer | null> {
    try {
      return new SearchIndexer(startWorker(await workerScript()), outDir ?? null);
    } catch {
      return null;
    }
  }

  /** Takes the compiled model of file `index` (any order; indexed in file order). */
  accept(index: number, compiled: CompiledFile): void {
    if (index < this.next || this.serialized) return; // compiled again after a fallback
    this.waiting.set(index, compiled);
    for (let file = this.waiting.get(this.next); file; file = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      if (!file.ok) continue;
      // The conference slug the whole emit is likely to give (it makes slugs unique across
      // files); `plugin` checks the guess.
      this.slugs.push({ title: file.slug, pinnedId: null, line: 1 });
      const slug = assignSlugs(this.slugs).slugs.at(-1)!;
      const emitted = emitData([slug === file.slug ? file : { ...file, slug }]);
      this.index(emitted.talks);
      if (this.outDir !== null) {
        const files = emitted.files.filter((f) => f.path !== 'index.json');
        this.worker.postMessage({ kind: 'write', outDir: this.outDir, files });
      }
    }
  }

  /**
   * Returns what the worker wrote of the talk files of the files accepted (once all are
   * written), or null when it wrote nothing or a write failed: the caller then writes them.
   */
  flushWrites(): Promise<WriteReport | null> {
    if (this.outDir === null || this.failure) return Promise.resolve(null);
    return new Promise((resolve) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.kind !== 'flushed') return;
        this.worker.off('message', onMessage);
        resolve(reply.error === null ? reply.report : null);
      };
      this.worker.on('message', onMessage);
      // A worker that fails or stops wrote what it wrote: the caller writes them all again.
      this.worker.once('error', () => resolve(null));
      this.worker.once('exit', () => resolve(null));
      this.worker.postMessage({ kind: 'flush' });
    });
  }

  private index(talks: readonly EmittedTalk[]): void {
    if (talks.length === 0) return;
    const { documents, counts } = searchDocuments(
      talks.map((t) => t.document),
      talks.map((t) => t.sections),
    );
    for (const document of documents) document.id += this.documents;
    this.documents += documents.length;
    this.sections.push(...counts);
    for (const talk of talks) this.talkFiles.push(talk.path);
    for (const talk of talks) this.talks.push(talk.document);
    this.worker.postMessage({ kind: 'index', documents });
  }

  /** Starts serializing the index of the `files` files accepted so far (call once all are in). */
  serialize(files: number): void {
    if (this.serialized) return;
    if (this.next !== files) {
      this.serialized = Promise.reject(new Error('Unexpected missing file, expected all files'));
      this.serialized.catch(() => undefined);
      return;
    }
    this.serialized = new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'serialized')
          resolve({ searchFile: reply.searchFile, files: reply.files });
        else if (reply.kind === 'error') reject(new Error(reply.error));
      });
      this.worker.on('error', reject);
      this.worker.once('exit', () => reject(this.failure));
      this.worker.postMessage({
        kind: 'serialize',
        sections: this.sections,
        talkFiles: this.talkFiles,
      });
    });
    this.serialized.catch(() => undefined);
  }

  /**
   * Returns the emit plugin that writes the index built here (what `searchIndexPlugin` writes),
   * or null when it is not the index of `talks` (the whole emit's) or the worker failed: then
   * use `searchIndexPlugin`.
   */
  async plugin(talks: readonly EmittedTalk[]): Promise<EmitPlugin | null> {
    const same =
      talks.length === this.talks.length && talks.every((t, i) => t.document === this.talks[i]);
    if (!same || !this.serialized) return null;
    const built = await this.serialized.catch(() => null);
    if (built === null) return null;
    return ({ index }) => {
      index.searchFile = built.searchFile;
      return built.files;
    };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

import type { Worker } from 'node:worker_threads';
import { emitData, type EmitPlugin, type EmittedTalk } from './emit.ts';
import type { DataFile } from './emit.ts';
import type { CompiledFile } from './model.ts';
import { searchDocuments } from './search-index.ts';
import { assignSlugs, type SlugRequest } from './slugs.ts';
import type { TalkDocument } from './contract.ts';
import { startWorker, workerScript, type WorkerReply } from './worker-threads.ts';

/**
 * The search index built in a worker thread while the notes compile, so it costs no time after
 * the last file: each file's search documents go to the worker as soon as that file and every
 * file before it are compiled. The documents are made from each file emitted on its own, with
 * the conference slug the whole emit should give it; they are the ones `searchIndexPlugin` would
 * make when that guess holds, which `plugin` checks, talk by talk (emit memoizes talk documents,
 * so the whole emit returns the very same objects).
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

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('error', (error) => (this.failure ??= error));
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'error') this.failure ??= new Error(reply.error);
    });
  }

  /** Returns a started indexer, or null when no worker can be started. */
  static async start(): Promise<SearchIndexer | null> {
    try {
      return new SearchIndexer(startWorker(await workerScript()));
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
      this.index(emitData([slug === file.slug ? file : { ...file, slug }]).talks);
    }
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

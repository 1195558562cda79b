import type { HitTalk } from '../../../lib/search-options';
import type { RunOptions, SearchRun } from '../../../lib/search-run';

/** A talk as the search worker needs it: what a result shows, and its data file (for its text). */
export interface WorkerTalk extends HitTalk {
  dataFile: string;
}

/** What the page asks the search worker (search-worker.ts). */
export type SearchRequest =
  /** Load the index whose manifest is `searchFile`, over these talks (the notes index's order). */
  | { kind: 'open'; searchFile: string; talks: WorkerTalk[] }
  /** `first`: how many hits the reader sees at once, reported first (see `FirstHits`). */
  | { kind: 'search'; id: number; raw: string; options: RunOptions; first?: number }
  /** The page no longer wants search `id` (a newer keystroke): stop it, send nothing. */
  | { kind: 'cancel'; id: number };

/** Why a file could not be loaded, as `DataError` says it (errors do not cross to the page as such). */
export interface WorkerFailure {
  network: boolean;
  message: string;
}

export type SearchReply =
  | { kind: 'opened'; documentCount: number }
  | { kind: 'open-failed'; failure: WorkerFailure }
  /** The hits with the text of the first few read, the rest `pending`; `result` follows. */
  | { kind: 'first'; id: number; run: SearchRun }
  | { kind: 'result'; id: number; run: SearchRun }
  | { kind: 'failed'; id: number; failure: WorkerFailure };

/**
 * What the parts of `npm run bench` hand to its table. The browser-side figures live in
 * `src/bench/app-figures.ts`, which `run.ts` loads when it exists and calls as `AppFigures`.
 */

/** One row of the bench table. */
export interface BenchRow {
  /** What is measured, e.g. `cold load of a talk URL → talk text painted (slow profile)`. */
  measure: string;
  /** Our figure (a number in `unit`), a text when it is not a number, null when not measured. */
  ours: number | string | null;
  /** The baseline measured in the same run (VitePress, the raw parse…), or null when none. */
  baseline?: number | null;
  /** `ms`, `KiB`, `MiB`…; numbers are shown with it. */
  unit?: string;
  /** The goal, in words: `≤ 0.6 × baseline`, `≤ 100 ms`, `reported`. */
  goal: string;
  /** Whether the goal is met; null when it cannot be said (not measured, or only reported). */
  met: boolean | null;
  /** What to know to read the figure (the median of how many runs, what was left out…). */
  note?: string;
}

export interface AppFiguresOptions {
  /** Folder of the synthetic notes (`conferences × talks`), for the figures over the big corpus. */
  corpusDir: string;
  conferences: number;
  talks: number;
  /** `npm run bench -- --quick`: fewer repetitions, just show that it runs. */
  quick: boolean;
  /** Progress lines (stderr), so a long run shows where it is. */
  log: (line: string) => void;
}

/**
 * The browser figures (peers comparison on the shipped notes; cold load, filter toggle, search
 * typing and JS heap over the corpus). Resolves with rows even when something cannot run (the
 * peers harness not installed, no Chromium): a row says so in `note` with `ours: null`.
 */
export type AppFigures = (options: AppFiguresOptions) => Promise<BenchRow[]>;

import path from 'node:path';
import type { OptionSpecs, OptionValues, ParsedArgs } from './args.ts';
import { unsafeOut } from './site-folder.ts';
import { givenNotes, missingNotes, notesTarget, type CommandContext } from './notes-folder.ts';

/** A subcommand: what `--help` says about it, its options, and how it runs. */
export interface Command<T extends OptionSpecs = OptionSpecs> {
  name: string;
  /** The positional argument, if any: `folder`, `site`. */
  argument?: { name: string; description: string };
  /** One line, for the command list. */
  summary: string;
  /** A paragraph, for the command's own help. */
  description: string;
  options: T;
  /** Two (or more) command lines, each with what it does. */
  examples: [command: string, what: string][];
  /** What exit codes 1 and 2 mean for this command (0 is success). */
  exitCodes: { 0: string; 1: string };
  /**
   * Runs the command and returns its exit code; returns 2 after `context.error` for a value
   * that is wrong. Lazy: the command's module (and Vite) loads only when it runs.
   */
  run: (args: ParsedArgs<T>, context: CommandContext) => Promise<number>;
}

const FOLDER = {
  name: 'folder',
  description:
    'the notes: a folder of .md files (read recursively) or one .md file. Default: $NOTES_DIR, else ./notes when it exists, else the current folder',
};

const notesOption = {
  type: 'string',
  value: '<dir>',
  description: 'the same as [folder]',
} as const;

const helpOption = { type: 'boolean', short: 'h', description: 'show this help' } as const;

const listenOptions = {
  port: { type: 'string', value: '<number>', description: 'port to listen on' },
  host: {
    type: 'string',
    value: '<address>',
    description: 'address to listen on (default localhost; 0.0.0.0 for every network)',
  },
  open: { type: 'boolean', description: 'open the reader in the browser' },
} as const;

/**
 * Returns the absolute notes target of a command's arguments, or the exit code after
 * `context.error` has said what is wrong (2: two folders given; 1: a folder that does not
 * exist). Reads the file system.
 */
function resolveNotes(
  args: ParsedArgs<{ notes: typeof notesOption }>,
  context: CommandContext,
): { notes: string } | { code: number } {
  const given = givenNotes(args.positionals, args.values.notes);
  if ('error' in given) {
    context.error(given.error!);
    return { code: 2 };
  }
  const notes = notesTarget(given.given, context);
  const missing = missingNotes(notes, context.cwd);
  if (missing) {
    context.error(missing);
    return { code: 1 };
  }
  return { notes };
}

/** Returns the port of `--port`, or a message. Pure. */
function parsePort(value: string | undefined): number | undefined | { error: string } {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (port >= 1 && port <= 65535) return port;
  return { error: `Unexpected \`--port ${value}\`, expected a port number from 1 to 65535` };
}

/** Returns `--base` as Vite wants it (`/sub/`, ending in `/`), or a message. Pure. */
export function parseBase(value: string): string | { error: string } {
  if (!value.startsWith('/') || /[?#\s]/.test(value)) {
    return {
      error: `Unexpected \`--base ${value}\`, expected a path from the site's root, like \`/notes/\``,
    };
  }
  return value.endsWith('/') ? value : `${value}/`;
}

/** Returns the listen options of `dev` / `preview`, or null after `context.error` for a bad port. */
function listen(values: OptionValues<typeof listenOptions>, context: CommandContext) {
  const port = parsePort(values.port);
  if (typeof port === 'object') {
    context.error(port.error);
    return null;
  }
  return { port, host: values.host, open: values.open ?? false };
}

const devOptions = { ...listenOptions, notes: notesOption, help: helpOption } as const;

const dev: Command<typeof devOptions> = {
  name: 'dev',
  argument: FOLDER,
  summary: 'the reader over your notes, updated as you save (http://localhost:5173)',
  description:
    'Serves the reader over the notes and recompiles a file when you save it: the page shows the change without a reload. Paths are shown relative to the notes folder, the full path in a tooltip; edit links open your editor (NOTES_EDIT_URL, default `vscode://file{path}:{line}`). Stop it with q or Ctrl+C.',
  options: devOptions,
  examples: [
    ['conference-notes dev ~/notes', 'the reader over ~/notes'],
    ['conference-notes dev notes/pycon-2024.md --port 3000 --open', 'one file, on port 3000'],
  ],
  exitCodes: { 0: 'stopped (q or Ctrl+C)', 1: 'the notes folder is missing or the server failed' },
  async run(args, context) {
    const target = resolveNotes(args, context);
    if ('code' in target) return target.code;
    const options = listen(args.values, context);
    if (!options) return 2;
    const { runDev } = await import('./dev.ts');
    return runDev({ notes: target.notes, ...options });
  },
};

const buildOptions = {
  out: {
    type: 'string',
    value: '<dir>',
    description:
      'folder to write the site to (default: dist); emptied first, so empty, missing or a site built before',
  },
  base: {
    type: 'string',
    value: '<path>',
    description: 'path the site is served from, like /notes/ (default: $BASE_PATH, else /)',
  },
  notes: notesOption,
  help: helpOption,
} as const;

const build: Command<typeof buildOptions> = {
  name: 'build',
  argument: FOLDER,
  summary: 'a static site of your notes, every page pre-rendered (into ./dist)',
  description:
    'Writes a static site of the notes for any static host: every talk, conference and the home page pre-rendered to HTML, the data and the search index beside them. Paths are shown relative to the notes folder; the site never names the folder it was built from.',
  options: buildOptions,
  examples: [
    ['conference-notes build ~/notes', 'the site of ~/notes, in ./dist'],
    ['conference-notes build ~/notes --out site --base /notes/', 'in ./site, served from /notes/'],
  ],
  exitCodes: {
    0: 'the site is written',
    1: 'errors in the notes (the site is still written, without what failed), or the build failed',
  },
  async run(args, context) {
    const target = resolveNotes(args, context);
    if ('code' in target) return target.code;
    const base = parseBase(args.values.base ?? (context.env.BASE_PATH || '/'));
    if (typeof base === 'object') {
      context.error(base.error);
      return 2;
    }
    const out = path.resolve(context.cwd, args.values.out ?? 'dist');
    const unsafe = await unsafeOut({ notes: target.notes, out }, context.cwd);
    if (unsafe) {
      context.error(unsafe);
      return 2;
    }
    const { runBuild } = await import('./build.ts');
    return runBuild({ notes: target.notes, out, base }, context);
  },
};

const previewOptions = {
  ...listenOptions,
  base: {
    type: 'string',
    value: '<path>',
    description: 'path the site was built for (default: read from the site)',
  },
  help: helpOption,
} as const;

const preview: Command<typeof previewOptions> = {
  name: 'preview',
  argument: { name: 'site', description: 'the folder `build` wrote. Default: dist' },
  summary: 'serve a built site the way a static host would (http://localhost:4173)',
  description:
    'Serves a site that `build` wrote, the way a static host does: `/a/b` from `a/b.html`, any other path from the app shell, which shows "not found" with the closest talks.',
  options: previewOptions,
  examples: [
    ['conference-notes preview', 'the site in ./dist'],
    ['conference-notes preview site --port 8080', 'the site in ./site, on port 8080'],
  ],
  exitCodes: { 0: 'stopped (q or Ctrl+C)', 1: 'no built site there, or the server failed' },
  async run(args, context) {
    const options = listen(args.values, context);
    if (!options) return 2;
    const base = args.values.base === undefined ? undefined : parseBase(args.values.base);
    if (typeof base === 'object') {
      context.error(base.error);
      return 2;
    }
    const site = path.resolve(context.cwd, args.positionals[0] ?? 'dist');
    const { runPreview } = await import('./preview.ts');
    return runPreview({ site, base, ...options }, context);
  },
};

const gapsOptions = {
  json: { type: 'boolean', description: 'print the list as JSON' },
  strict: {
    type: 'boolean',
    description: 'exit 1 while anything is unfinished (for CI that nags)',
  },
  explain: {
    type: 'boolean',
    description: 'first say, per file, how its talks were found, and how to change it',
  },
  notes: notesOption,
  help: helpOption,
} as const;

const gaps: Command<typeof gapsOptions> = {
  name: 'gaps',
  argument: FOLDER,
  summary: 'the fill-in list: file:line:col  kind  Talk › Section',
  description:
    'Lists what is left to fill in (empty talks and sections, TODOs, links without a URL…) as file:line:col lines that terminals and editors open, then a summary. Errors and warnings in the notes go to stderr.',
  options: gapsOptions,
  examples: [
    ['conference-notes gaps ~/notes', 'the fill-in list of ~/notes'],
    ['conference-notes gaps ~/notes --json --strict', 'as JSON; exit 1 while a gap is left'],
  ],
  exitCodes: {
    0: 'no errors in the notes (gaps are fine without --strict)',
    1: 'gaps left with --strict, or errors in the notes',
  },
  async run(args, context) {
    const target = resolveNotes(args, context);
    if ('code' in target) return target.code;
    const { runGaps } = await import('./gaps.ts');
    const { json = false, strict = false, explain = false } = args.values;
    return runGaps({ notes: target.notes, json, strict, explain }, context);
  },
};

const dataOptions = {
  out: {
    type: 'string',
    value: '<dir>',
    description: 'folder to write the data to (default: public/data); its stale .json files go',
  },
  notes: notesOption,
  help: helpOption,
} as const;

const data: Command<typeof dataOptions> = {
  name: 'data',
  argument: FOLDER,
  summary: 'only the JSON the reader loads (into ./public/data)',
  description:
    'Compiles the notes into the JSON the reader loads (data/index.json, one file per talk, the search index), writing only files whose bytes changed. `build` and `dev` do this themselves.',
  options: dataOptions,
  examples: [
    ['conference-notes data ~/notes', 'the data of ~/notes, in ./public/data'],
    ['conference-notes data ~/notes --out /tmp/data', 'in /tmp/data'],
  ],
  exitCodes: {
    0: 'the data is written',
    1: 'errors in the notes (the rest is still written)',
  },
  async run(args, context) {
    const target = resolveNotes(args, context);
    if ('code' in target) return target.code;
    const { runData } = await import('./data.ts');
    const out = path.resolve(context.cwd, args.values.out ?? 'public/data');
    return runData({ notes: target.notes, out }, context);
  },
};

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS = [dev, build, preview, gaps, data] as unknown as readonly Command[];

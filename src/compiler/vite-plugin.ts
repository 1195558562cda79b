import { randomBytes } from 'node:crypto';
import { cp, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createLogger, type Logger, type Plugin, type ViteDevServer } from 'vite';
import { notesBaseDir, terminalPath } from './compile-notes.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { DataBuild, type DataResult } from './incremental.ts';
import { writeEndpoint } from './write-back/write-endpoint.ts';

export interface NotesPluginOptions {
  /** Notes folder or file (default: env NOTES_DIR, else `notes`), relative to the project root. */
  notes?: string;
  /**
   * Data folder the app loads (default `data` in Vite's public folder: `public/data`), relative
   * to the project root. Outside the public folder, a build copies it into its `data/`.
   */
  outDir?: string;
  /** Called with the data after each full compile (`dev` start, `build`): the CLI counts errors. */
  onData?: (result: DataResult) => void;
}

/** Quiet time after an edit before the search index is rebuilt (it covers every talk). */
const SEARCH_REFRESH_DELAY_MS = 300;

/** Payload of the `notes:update` HMR event. */
export interface NotesUpdate {
  /** Slugs of the conferences whose data changed (a removed file's old slug included). */
  conferences: string[];
}

/**
 * The notes compiler as a Vite plugin: compiles the notes into the data folder before `dev` and
 * `build`; in dev, recompiles only the notes file that changed, rewrites its data and
 * `index.json`, and sends `notes:update` to the page instead of a full reload. Also defines
 * `__NOTES_EDIT_TEMPLATE__` and `__NOTES_ROOT__` for the app's "edit this line" links.
 */
export function notesPlugin(options: NotesPluginOptions = {}): Plugin {
  let root = process.cwd();
  let notesTarget = '';
  // The folder the data's `file` paths are relative to (the notes folder, or the one file's).
  let notesBase = '';
  let outDir = '';
  // Per-file compile results and what was written, so a change recompiles and writes one file's data.
  let build: DataBuild | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let logger: Logger = createLogger();
  const enabled = !process.env.VITEST;
  // The fill-in endpoint's secret: made at start, handed only to this server's own pages.
  const writeToken = randomBytes(24).toString('hex');
  let writeOff: string | null = null;

  const inNotes = (file: string) => {
    const rel = path.relative(notesTarget, file);
    if (rel.startsWith('..') || path.isAbsolute(rel) || !/\.md$/i.test(file)) return false;
    // Same rule as findNoteFiles: no dot-folders, no node_modules.
    return !rel.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules');
  };

  /** Logs the diagnostics of `only` (a notes path as shown), or of all. */
  const report = (result: DataResult, only?: string) => {
    for (const d of result.index.diagnostics) {
      if (only !== undefined && d.file !== only) continue;
      const line = formatDiagnostic(
        { ...d, file: terminalPath(notesBase, d.file) },
        { severity: true },
      );
      if (d.severity === 'error') logger.error(line);
      else logger.warn(line);
    }
  };

  const compileAll = async () => {
    if (!(await stat(notesTarget).catch(() => null))) {
      throw new Error(
        `${terminalPath(notesTarget, '.')}: Unexpected missing notes folder, expected a folder of .md files or one .md file (set NOTES_DIR)`,
      );
    }
    build = new DataBuild({ outDir, baseDir: notesBase, searchIndex: true });
    const result = await build.build(notesTarget);
    lastResult = result;
    report(result);
    options.onData?.(result);
    const s = result.index.summary;
    const { compileMs, publishMs, workers } = result.timings;
    const how = workers > 1 ? `, ${workers} worker threads` : '';
    logger.info(
      `notes: ${s.talks} talks (${s.complete} complete, ${s.partial} partial, ${s.empty} empty) → ${terminalPath(outDir, '.')} in ${Math.round(compileMs + publishMs)} ms${how}`,
    );
  };

  const onNotesChange = (server: ViteDevServer, file: string, removed: boolean) => {
    queue = queue
      .then(async () => {
        if (!build) return;
        const data = build;
        const shownBefore = data.compiled.get(file)?.file;
        const slugsOf = (result: DataResult | null, shown: string | undefined) =>
          (result?.index.conferences ?? []).filter((c) => c.file === shown).map((c) => c.slug);
        const before = slugsOf(lastResult, shownBefore);
        const result = await data.update(file, { removed });
        const shown = data.compiled.get(file)?.file;
        report(result, shown ?? shownBefore ?? '');
        lastResult = result;
        const after = slugsOf(result, shown);
        const update: NotesUpdate = { conferences: [...new Set([...before, ...after])] };
        server.ws.send({ type: 'custom', event: 'notes:update', data: update });
        const ms = Math.round(result.timings.compileMs + result.timings.publishMs);
        logger.info(`notes: ${terminalPath(notesBase, file)} recompiled in ${ms} ms`, {
          timestamp: true,
        });
        // The search index covers every talk: bring it up to date once the edits pause, then let
        // the page fetch the index that names it.
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => {
          queue = queue
            .then(async () => {
              const refreshed = await data.refreshPlugins();
              if (!refreshed) return;
              lastResult = refreshed;
              const none: NotesUpdate = { conferences: [] };
              server.ws.send({ type: 'custom', event: 'notes:update', data: none });
            })
            .catch((error: unknown) =>
              logger.error(`notes: ${error instanceof Error ? error.message : String(error)}`),
            );
        }, SEARCH_REFRESH_DELAY_MS);
      })
      .catch((error: unknown) =>
        logger.error(`notes: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  let lastResult: DataResult | null = null;

  return {
    name: 'conference-notes',
    async config(config, env) {
      const isDev = env.command === 'serve';
      const projectRoot = path.resolve(config.root ?? process.cwd());
      notesTarget = path.resolve(projectRoot, options.notes ?? (process.env.NOTES_DIR || 'notes'));
      notesBase = await notesBaseDir(notesTarget);
      // `{path}` is absolute (notes folder + '/' + file), so no slash after `file`.
      const template = process.env.NOTES_EDIT_URL ?? (isDev ? 'vscode://file{path}:{line}' : null);
      return {
        define: {
          __NOTES_EDIT_TEMPLATE__: JSON.stringify(template),
          // Only `dev` knows where the notes are (for `{path}` and the full path in a tooltip):
          // a built site must not tell where its builder keeps them, nor a test where it runs.
          __NOTES_ROOT__: JSON.stringify(isDev && enabled ? notesBase : ''),
        },
      };
    },
    configResolved(config) {
      root = config.root;
      logger = config.logger;
      // Inside the public folder, so the build copies it (a build with its own `publicDir`,
      // like the e2e hostile-notes build, gets its own data).
      // `NOTES_DATA_DIR` keeps a second dev server (the fill-in e2e tests) out of public/data.
      outDir = path.resolve(
        root,
        options.outDir ??
          (process.env.NOTES_DATA_DIR || path.join(config.publicDir || 'public', 'data')),
      );
    },
    async buildStart() {
      // The pre-render's server build (`vite build --ssr`) reads the data the client build wrote.
      if (!enabled || this.environment.config.consumer === 'server') return;
      await compileAll();
    },
    async writeBundle(output) {
      const config = this.environment.config;
      if (!enabled || config.consumer === 'server' || !output.dir) return;
      const inPublic =
        config.publicDir && !path.relative(config.publicDir, outDir).startsWith('..');
      if (inPublic && config.build.copyPublicDir) return;
      // A data folder of its own (the CLI's, in the temp folder): the site gets it as `data/`,
      // without what an older copy of public/data may have brought along.
      const target = path.join(output.dir, 'data');
      await rm(target, { recursive: true, force: true });
      await cp(outDir, target, { recursive: true });
    },
    configureServer(server) {
      if (!enabled) return;
      server.watcher.add(notesTarget);
      writeOff = fillInOff(server.config.server.host);
      server.middlewares.use(
        writeEndpoint(server.config.base.replace(/\/?$/, '/'), {
          notesRoot: notesTarget,
          token: writeToken,
          off: writeOff,
          resolveFile: (shown) => {
            for (const [file, compiled] of build?.compiled ?? [])
              if (compiled.file === shown) return file;
            return null;
          },
        }),
      );
      // Serve the data folder straight from disk: a talk file written a moment ago must not wait
      // for Vite's public-file list to notice it (or the request falls through to index.html).
      const base = server.config.base.replace(/\/?$/, '/');
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const prefix = url.startsWith(`${base}data/`)
          ? `${base}data/`
          : url.startsWith('/data/')
            ? '/data/'
            : null;
        if (!prefix || !url.endsWith('.json')) return next();
        const target = path.resolve(outDir, url.slice(prefix.length));
        if (!target.startsWith(outDir + path.sep)) return next();
        readFile(target).then(
          (body) => {
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(body);
          },
          () => next(),
        );
      });
    },
    transformIndexHtml: {
      order: 'pre',
      // On the dev server only (a build has no `context.server`): the page learns the token, or
      // why writing is off.
      handler(html, context) {
        if (!enabled || !context.server) return html;
        const meta = writeOff
          ? `<meta name="notes-write-off" content="${escapeAttribute(writeOff)}">`
          : `<meta name="notes-write" content="${writeToken}">`;
        return html.replace('</head>', `    ${meta}\n  </head>`);
      },
    },
    hotUpdate({ type, file, server }) {
      if (!enabled || this.environment.name !== 'client') return;
      const absolute = path.resolve(file);
      if (!inNotes(absolute)) return;
      onNotesChange(server, absolute, type === 'delete');
      // The notes are not modules: no HMR update, no full reload; the page listens to notes:update.
      return [];
    },
  };
}

/**
 * Returns why filling gaps from the page is off, or null when it is on: off with
 * `NOTES_WRITE=0`, and when the dev server is served to the network (`--host`) unless
 * `NOTES_WRITE=1`.
 */
export function fillInOff(host: string | boolean | undefined): string | null {
  if (process.env.NOTES_WRITE === '0') return 'Filling in from the reader is off (NOTES_WRITE=0).';
  const local =
    host === undefined ||
    host === false ||
    ['localhost', '127.0.0.1', '::1'].includes(String(host));
  if (local || process.env.NOTES_WRITE === '1') return null;
  return 'Filling in from the reader is off: this dev server is open to the network (--host). Set NOTES_WRITE=1 to turn it on.';
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

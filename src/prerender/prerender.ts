/**
 * Pre-renders every page of a built app to static HTML, so a bookmarked talk paints its text
 * before the JavaScript has loaded; the browser then hydrates it (src/main.tsx).
 *
 *   tsx src/prerender/prerender.ts [--dist dist] [--ssr dist-ssr]
 *
 * Runs after `vite build` (client, into dist/) and `vite build --ssr src/entry-server.tsx`
 * (into dist-ssr/). Reads the data the client build shipped (dist/data), so NOTES_DIR and
 * BASE_PATH are whatever those builds used. Writes dist/index.html (home), dist/<conference>.html
 * and dist/<conference>/<talk>.html (slugs as real UTF-8 file names: `vite preview`, GitHub Pages
 * and most static hosts serve `/a/b` from `a/b.html`, where `a/b/index.html` needs a trailing
 * slash or a redirect) and dist/404.html (the plain app shell, for hosts that serve it on unknown
 * paths).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DATA_VERSION,
  type Conference,
  type NotesIndex,
  type ReaderTalk,
} from '../compiler/contract.ts';
import type { TalksBundle } from '../app/hydration.ts';
import { CriticalCss } from './critical-css.ts';
import { fillTemplate, preloadsFor, type ViteManifest } from './html.ts';

/** Embed the index in each page's hydration data up to this size (raw JSON bytes); above it the
 * browser fetches data/index.json once instead of every page carrying a copy. */
export const EMBED_INDEX_MAX_BYTES = 64 * 1024;

/**
 * A conference's talks go into one bundle file for the browser to prefetch up to this size (raw;
 * about 35 KiB gzip): clicks then fetch nothing. Above it a click fetches its one talk file: a
 * bigger bundle would cost a first visit more than it saves, and copies every talk file.
 */
export const BUNDLE_MAX_BYTES = 128 * 1024;

/** Marks a pre-rendered page; the untouched shell lacks it. */
const MARKER = 'id="hydration-data"';

interface RenderPage {
  (input: {
    path: string;
    index: NotesIndex;
    talk?: ReaderTalk;
    embedIndex: boolean;
    talksBundle: string | null;
  }): Promise<{
    html: string;
    title: string;
    hydration: string;
  }>;
}

interface Page {
  /** Router path, percent-encoded. */
  path: string;
  /** File below dist (decoded segments, `.html` added to the last), [] for home. */
  file: string[];
  /** Source module of the page's lazy route (its chunk is preloaded). */
  route: string;
  /** Slug of the conference the page belongs to (not home). */
  conference?: Conference;
  talkFile?: string;
}

export interface PrerenderResult {
  pages: number;
  ms: number;
  skipped: string[];
  /** Bytes of the largest page written (raw). */
  largestPage: number;
  /** Sets of CSS rules computed (one per page signature and thread; see CriticalCss). */
  cssRuleSets: number;
  indexEmbedded: boolean;
  threads: number;
}

const ROUTE_MODULES = {
  home: 'src/features/home/components/home-page.tsx',
  conference: 'src/features/conference/components/conference-page.tsx',
  talk: 'src/features/talks/components/talk-page.tsx',
};

const enc = encodeURIComponent;

/** A slug usable as one file name (the compiler's slugs always are; this guards the build). */
function safeSegment(slug: string): boolean {
  return slug !== '' && slug !== '.' && slug !== '..' && !/[/\\\0]/.test(slug);
}

function listPages(index: NotesIndex, skipped: string[]): Page[] {
  const pages: Page[] = [{ path: '/', file: [], route: ROUTE_MODULES.home }];
  for (const conference of index.conferences) {
    if (!safeSegment(conference.slug)) {
      skipped.push(`/${conference.slug}`);
      continue;
    }
    pages.push({
      path: `/${enc(conference.slug)}`,
      file: [conference.slug],
      route: ROUTE_MODULES.conference,
      conference,
    });
    for (const day of conference.days) {
      for (const talk of day.talks) {
        if (!safeSegment(talk.slug)) {
          skipped.push(`/${conference.slug}/${talk.slug}`);
          continue;
        }
        pages.push({
          path: `/${enc(conference.slug)}/${enc(talk.slug)}`,
          file: [conference.slug, talk.slug],
          route: ROUTE_MODULES.talk,
          conference,
          talkFile: talk.dataFile,
        });
      }
    }
  }
  return pages;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/**
 * Reads a conference's talk documents and writes them as one `TalksBundle` file (when not too
 * large), returning the documents by data file and the bundle's name in the data folder.
 */
async function loadConference(
  dist: string,
  conference: Conference,
): Promise<{ docs: Map<string, ReaderTalk>; bundle: string | null }> {
  const docs = new Map<string, ReaderTalk>();
  for (const day of conference.days) {
    for (const talk of day.talks) {
      // A talk file holds the reader's part of the talk only (`ReaderTalk`).
      docs.set(talk.dataFile, await readJson<ReaderTalk>(path.join(dist, 'data', talk.dataFile)));
    }
  }
  const text = JSON.stringify({
    version: DATA_VERSION,
    conference: conference.slug,
    talks: [...docs.values()],
  } satisfies TalksBundle);
  if (
    docs.size === 0 ||
    Buffer.byteLength(text) > BUNDLE_MAX_BYTES ||
    !safeSegment(conference.slug)
  ) {
    return { docs, bundle: null };
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const bundle = `bundles/${conference.slug}.${hash}.json`;
  await mkdir(path.join(dist, 'data', 'bundles'), { recursive: true });
  await writeFile(path.join(dist, 'data', ...bundle.split('/')), text);
  return { docs, bundle };
}

/** The untouched app shell: dist/index.html right after `vite build`, else the 404.html kept. */
async function readShell(dist: string): Promise<string> {
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  if (!index.includes(MARKER)) return index;
  const kept = path.join(dist, '404.html');
  if (existsSync(kept)) return readFile(kept, 'utf8');
  throw new Error(
    `${path.join(dist, 'index.html')}: Unexpected pre-rendered page, expected the app shell (run vite build first)`,
  );
}

interface Setup {
  dist: string;
  shell: string;
  /** Puts the rules each page uses into it in place of the stylesheet link. */
  criticalCss: CriticalCss;
  manifest: ViteManifest;
  base: string;
  renderPage: RenderPage;
  index: NotesIndex;
  embedIndex: boolean;
}

/** Reads what every page needs: the shell, the manifest, the index, the server build. */
async function loadSetup(options: { dist: string; ssr: string }): Promise<Setup> {
  const dist = path.resolve(options.dist);
  const shell = await readShell(dist);
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  const manifest = existsSync(manifestFile) ? await readJson<ViteManifest>(manifestFile) : {};
  const entry = pathToFileURL(path.resolve(options.ssr, 'entry-server.js')).href;
  const { renderPage, base } = (await import(entry)) as { renderPage: RenderPage; base: string };

  const indexText = await readFile(path.join(dist, 'data', 'index.json'), 'utf8');
  const index = JSON.parse(indexText) as NotesIndex;

  return {
    dist,
    shell,
    // Each page carries the rules it uses: a talk's text then paints after one round trip, not
    // two, at any size of site.
    criticalCss: new CriticalCss(dist, base),
    manifest,
    base,
    renderPage,
    index,
    embedIndex: Buffer.byteLength(indexText) <= EMBED_INDEX_MAX_BYTES,
  };
}

interface ShareResult {
  written: number;
  skipped: string[];
  largestPage: number;
  cssRuleSets: number;
}

/** Renders and writes the given pages (a conference's pages one after another). */
async function renderShare(setup: Setup, pages: readonly Page[]): Promise<ShareResult> {
  const { dist, index, embedIndex, renderPage, manifest, shell, criticalCss, base } = setup;
  const result: ShareResult = { written: 0, skipped: [], largestPage: 0, cssRuleSets: 0 };
  let conference: Conference | undefined;
  let loaded: { docs: Map<string, ReaderTalk>; bundle: string | null } = {
    docs: new Map(),
    bundle: null,
  };
  for (const page of pages) {
    if (page.conference !== conference) {
      conference = page.conference;
      loaded = conference
        ? await loadConference(dist, conference)
        : { docs: new Map(), bundle: null };
    }
    const target =
      page.file.length === 0
        ? path.join(dist, 'index.html')
        : `${path.join(dist, ...page.file)}.html`;
    const folder = path.dirname(target);
    // A name taken by a file or folder of the build (say a conference slugged `favicon.svg`, a
    // talk named like a folder): leave it; the app still renders that page from the shell.
    if (
      !target.startsWith(dist + path.sep) ||
      (existsSync(folder) && !(await stat(folder)).isDirectory()) ||
      (page.file.length > 0 && existsSync(target) && (await stat(target)).isDirectory())
    ) {
      result.skipped.push(page.path);
      continue;
    }
    const talk = page.talkFile ? loaded.docs.get(page.talkFile) : undefined;
    const rendered = await renderPage({
      path: page.path,
      index,
      talk,
      embedIndex,
      talksBundle: loaded.bundle,
    });
    const html = await criticalCss.inline(
      fillTemplate(shell, {
        title: rendered.title,
        app: rendered.html,
        hydration: rendered.hydration,
        preloads: preloadsFor(manifest, page.route, shell, base),
      }),
    );
    result.largestPage = Math.max(result.largestPage, Buffer.byteLength(html));
    await mkdir(folder, { recursive: true });
    await writeFile(target, html);
    result.written += 1;
  }
  result.cssRuleSets = criticalCss.computed;
  return result;
}

/** Pages per worker thread below which starting threads costs more than it saves. */
const PAGES_PER_THREAD = 200;

/** Splits the pages into `n` shares, whole conferences each (they share a bundle), in turn. */
function shares(pages: readonly Page[], n: number): Page[][] {
  const out: Page[][] = Array.from({ length: n }, () => []);
  const byConference = new Map<Conference | undefined, Page[]>();
  for (const page of pages) {
    const list = byConference.get(page.conference) ?? [];
    list.push(page);
    byConference.set(page.conference, list);
  }
  [...byConference.values()].forEach((list, i) => out[i % n]!.push(...list));
  return out;
}

export async function prerender(options: {
  dist: string;
  ssr: string;
  /** Worker threads (default: one per core, fewer for a small site). */
  threads?: number;
}): Promise<PrerenderResult> {
  const started = performance.now();
  const setup = await loadSetup(options);
  const skipped: string[] = [];
  const pages = listPages(setup.index, skipped);
  const threads = Math.max(
    1,
    Math.min(
      options.threads ?? os.availableParallelism(),
      Math.floor(pages.length / PAGES_PER_THREAD),
    ),
  );
  let results: ShareResult[];
  if (threads === 1) {
    results = [await renderShare(setup, pages)];
  } else {
    // Each thread loads the server build and the index itself, and renders whole conferences.
    results = await Promise.all(
      shares(pages, threads).map(
        (share) =>
          new Promise<ShareResult>((resolve, reject) => {
            const worker = new Worker(new URL('./thread.mjs', import.meta.url), {
              workerData: { options, paths: share.map((page) => page.path) },
            });
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (code !== 0) reject(new Error(`prerender thread stopped (exit ${code})`));
            });
          }),
      ),
    );
  }
  // The shell as it was, for hosts that answer unknown paths with 404.html (GitHub Pages):
  // the app renders there in the browser, whatever the path.
  await writeFile(path.join(setup.dist, '404.html'), setup.shell);
  return {
    pages: results.reduce((sum, r) => sum + r.written, 0),
    ms: performance.now() - started,
    skipped: [...skipped, ...results.flatMap((r) => r.skipped)],
    largestPage: Math.max(...results.map((r) => r.largestPage)),
    cssRuleSets: results.reduce((sum, r) => sum + r.cssRuleSets, 0),
    indexEmbedded: setup.embedIndex,
    threads,
  };
}

/** A worker thread's part: the pages whose paths it was given. */
async function renderInThread(data: { options: { dist: string; ssr: string }; paths: string[] }) {
  process.env.NODE_ENV ??= 'production';
  const setup = await loadSetup(data.options);
  const wanted = new Set(data.paths);
  const pages = listPages(setup.index, []).filter((page) => wanted.has(page.path));
  parentPort!.postMessage(await renderShare(setup, pages));
}

async function main() {
  // The server build leaves React and friends to Node's resolution, which picks their development
  // builds (several times slower) unless told otherwise.
  process.env.NODE_ENV ??= 'production';
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      ssr: { type: 'string', default: 'dist-ssr' },
      threads: { type: 'string' },
    },
  });
  const result = await prerender({
    dist: values.dist!,
    ssr: values.ssr!,
    threads: values.threads ? Number(values.threads) : undefined,
  });
  for (const page of result.skipped) {
    console.warn(
      `prerender: ${page}: Unexpected file name, expected a plain slug free in dist/ (left to the app shell)`,
    );
  }
  console.log(formatPrerender(result));
}

/** Returns the one-line summary of a pre-render (`prerender: 21 pages in 0.8 s …`). Pure. */
export function formatPrerender(result: PrerenderResult): string {
  return (
    `prerender: ${result.pages} pages in ${(result.ms / 1000).toFixed(1)} s (${result.threads} ${result.threads === 1 ? 'thread' : 'threads'}), largest ${(result.largestPage / 1024).toFixed(1)} KiB, CSS rules for ${result.cssRuleSets} page shapes` +
    `${result.indexEmbedded ? '' : ' (index too large to embed: fetched by the browser)'}`
  );
}

if (!isMainThread && parentPort) {
  renderInThread(workerData as Parameters<typeof renderInThread>[0]).catch((error: unknown) => {
    throw error;
  });
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(
      `prerender: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  });
}

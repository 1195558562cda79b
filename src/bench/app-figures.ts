/**
 * The browser figures of `npm run bench` (run.ts calls `appFigures`), also runnable alone:
 *
 *   npx tsx src/bench/app-figures.ts --peers                 # ours vs VitePress vs Docsify
 *   npx tsx src/bench/app-figures.ts --scale --corpus <dir>  # the app over a big corpus
 *   npx tsx src/bench/app-figures.ts --peers --scale --corpus <dir> [--quick] [--json out.json]
 *
 * - `measurePeers`: builds the app from the shipped notes (apart from dist/), adds it to the peers
 *   harness (../shared/bench/peers, copied to node_modules/.cache/peers-bench and installed there
 *   on first use) and runs it: cold load of a talk URL → text painted, sidebar click → other talk
 *   painted and bytes on cold load, for ours, VitePress and Docsify in one Chromium run.
 * - `measureScale`: builds the app from a corpus (the benchmark's 10,000 talks) and measures, in
 *   Chromium with the harness's throttling: cold load of a talk over that build next to the
 *   shipped-notes build; the sidebar filter toggled and search typed under 4x CPU (click or key →
 *   next paint); the tab's JS heap once the index has loaded; the index's size.
 *
 * Builds go to a temporary folder with their own public folder (src/bench/vite.bench.config.ts),
 * so dist/ and public/data stay as they are.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/find-chromium.ts';
import type { Nodes as MdastNodes } from 'mdast';
import type { NotesIndex, ReaderTalk } from '../compiler/contract.ts';
import { expandTree } from '../lib/expand-tree.ts';
import type { AppFigures, AppFiguresOptions, BenchRow } from './bench-types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const SHARED_PEERS = path.resolve(root, '../shared/bench/peers');
const PEERS_DIR = path.join(root, 'node_modules/.cache/peers-bench');
const SHIPPED_NOTES = path.join(root, 'notes/gopherchina-2017.md');
const KiB = 1024;
const MiB = 1024 * 1024;

/** The harness's "slow" profile (peers/measure.mjs): 4x CPU, 150 ms, 1.6 Mbps / 750 kbps. */
export const SLOW = {
  cpu: 4,
  latency: 150,
  download: (1.6 * 1024 * 1024) / 8,
  upload: (750 * 1024) / 8,
};

type Log = (line: string) => void;

// ------------------------------------------------------------------------------ small helpers

function median(values: readonly number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs a command, its output going to `log` line by line; rejects on a non-zero exit. */
function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; log: Log; label: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim() || line.includes('npm warn')) continue;
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (/^(prerender|notes|\[build|\[rep|\[warmup|\[calibrate|\[serve)/.test(line)) {
          options.log(`${options.label}: ${line.trim()}`);
        }
      }
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${options.label} failed (exit ${code}):\n${tail.join('\n')}`)),
    );
  });
}

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

// ------------------------------------------------------------------------------ building

export interface BuiltApp {
  /** The built site (dist/ of that build). */
  dir: string;
  index: NotesIndex;
  buildMs: number;
  /** The pre-render's own summary line. */
  prerender: string;
}

/**
 * `npm run build` for other notes, into `<work>/app`: client build (the notes compiled into
 * `<work>/public/data`), server build, pre-render. Leaves dist/ and public/data alone.
 */
export async function buildApp(notes: string, work: string, log: Log): Promise<BuiltApp> {
  const started = performance.now();
  const publicDir = path.join(work, 'public');
  const appDir = path.join(work, 'app');
  // The server build must stay inside the project, where Node finds its dependencies.
  const ssrDir = path.join(root, 'node_modules/.cache/app-bench', path.basename(work), 'ssr');
  await mkdir(publicDir, { recursive: true });
  for (const entry of await readdir(path.join(root, 'public'))) {
    if (entry !== 'data') await cp(path.join(root, 'public', entry), path.join(publicDir, entry));
  }
  const env = { BENCH_PUBLIC_DIR: publicDir, NOTES_DIR: notes, NODE_ENV: 'production' };
  const config = ['--config', 'src/bench/vite.bench.config.ts', '--logLevel', 'warn'];
  const label = `build ${path.basename(notes)}`;
  await run(bin('vite'), ['build', ...config, '--outDir', appDir, '--emptyOutDir'], {
    env,
    log,
    label,
  });
  await run(
    bin('vite'),
    ['build', ...config, '--ssr', 'src/entry-server.tsx', '--outDir', ssrDir, '--emptyOutDir'],
    { env, log, label },
  );
  let prerender = '';
  await run(bin('tsx'), ['src/prerender/prerender.ts', '--dist', appDir, '--ssr', ssrDir], {
    env,
    label,
    log: (line) => {
      prerender = line.replace(/^[^:]*: /, '');
      log(line);
    },
  });
  await rm(path.dirname(ssrDir), { recursive: true, force: true });
  const index = JSON.parse(await readFile(path.join(appDir, 'data/index.json'), 'utf8'));
  return {
    dir: appDir,
    index: index as NotesIndex,
    buildMs: performance.now() - started,
    prerender,
  };
}

// ------------------------------------------------------------------------------ peers harness

/** One target's medians from the peers harness (slow profile). */
export interface PeerFigures {
  textMs: number | null;
  navMs: number | null;
  /** Each repetition's click, in the order run (rounds are interleaved across targets). */
  navSamples: (number | null)[];
  bytes: number | null;
  jsBytes: number | null;
  lcpMs: number | null;
  runs: number;
}

export interface PeersFigures {
  ours: PeerFigures;
  vitepress: PeerFigures;
  docsify: PeerFigures;
  reps: number;
  /** The harness's throttling self-check (CPU slowdown measured, network method). */
  calibration: unknown;
  errors: string[];
  resultsFile: string;
  /** Sidebar clicks of ours that fetched something (should be none). */
  clickBytes: number | null;
}

/** The harness ready to run: copied out of the read-only shared folder, installed, sites built. */
async function preparePeers(log: Log): Promise<string> {
  if (!existsSync(path.join(PEERS_DIR, 'measure.mjs'))) {
    if (!existsSync(path.join(SHARED_PEERS, 'measure.mjs'))) {
      throw new Error(`peers harness not found at ${SHARED_PEERS}`);
    }
    log(`peers: copying ${SHARED_PEERS} → ${path.relative(root, PEERS_DIR)}`);
    await cp(SHARED_PEERS, PEERS_DIR, {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|sites)([/\\]|$)/.test(source),
    });
  }
  if (!existsSync(path.join(PEERS_DIR, 'node_modules/playwright-core'))) {
    log('peers: npm install (vitepress, docsify, playwright-core)…');
    await run('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: PEERS_DIR,
      log,
      label: 'peers',
    });
  }
  if (!existsSync(path.join(PEERS_DIR, 'sites/manifest.json'))) {
    log('peers: building the VitePress and Docsify sites from the shipped notes…');
    await run('node', ['make-sites.mjs', '--seed', SHIPPED_NOTES], {
      cwd: PEERS_DIR,
      log,
      label: 'peers',
    });
  }
  return PEERS_DIR;
}

/** The app path of the first talk of the first conference (the harness's "talk 1"). */
function firstTalkPath(index: NotesIndex): string {
  const conference = index.conferences.find((c) => c.days.some((d) => d.talks.length > 0));
  const talk = conference?.days.find((d) => d.talks.length > 0)?.talks[0];
  if (!conference || !talk) throw new Error('Unexpected notes without talks, expected some');
  return `/${encodeURIComponent(conference.slug)}/${encodeURIComponent(talk.slug)}`;
}

function peerSummary(target: Record<string, unknown> | undefined): PeerFigures {
  const summary = (target?.summary as Record<string, Record<string, { median: number | null }>>)
    ?.throttled;
  const runs = (target?.runs as Record<string, unknown[]> | undefined)?.throttled?.length ?? 0;
  const m = (key: string) => summary?.[key]?.median ?? null;
  return {
    textMs: m('textMs'),
    navMs: m('navMs'),
    navSamples: (
      (target?.runs as Record<string, { navMs?: number | null }[]> | undefined)?.throttled ?? []
    ).map((r) => r.navMs ?? null),
    bytes: m('bytes'),
    jsBytes: m('jsBytes'),
    lcpMs: m('lcpMs'),
    runs,
  };
}

/**
 * Ours next to VitePress and Docsify on the shipped notes, in one run of the peers harness (slow
 * profile only). Builds the app unless `app` (a built site of the shipped notes) is given.
 */
export async function measurePeers(options: {
  reps?: number;
  log: Log;
  app?: string;
  work?: string;
}): Promise<PeersFigures> {
  const { log } = options;
  const harness = await preparePeers(log);
  const work = options.work ?? (await mkdtemp(path.join(os.tmpdir(), 'app-peers-')));
  const app = options.app
    ? { dir: path.resolve(options.app) }
    : await buildApp(SHIPPED_NOTES, path.join(work, 'shipped'), log);
  const index = JSON.parse(
    await readFile(path.join(app.dir, 'data/index.json'), 'utf8'),
  ) as NotesIndex;
  const targets = path.join(work, 'peers-targets.json');
  await writeFile(
    targets,
    JSON.stringify([
      {
        name: 'ours',
        root: app.dir,
        firstPath: firstTalkPath(index),
        contentSelector: 'main',
        sidebarSelector: 'nav[aria-label="Talks"]',
      },
    ]),
  );
  const resultsFile = path.join(work, 'peers-results.json');
  const reps = options.reps ?? 5;
  log(`peers: measuring ours, VitePress and Docsify (${reps} reps, slow profile)…`);
  await run(
    'node',
    [
      'measure.mjs',
      '--targets',
      targets,
      '--no-build',
      '--modes',
      'throttled',
      '--reps',
      String(reps),
      '--out',
      resultsFile,
    ],
    { cwd: harness, log, label: 'peers' },
  ).catch((error: unknown) => {
    // The harness exits 1 when a repetition failed; its results file still has the rest.
    if (!existsSync(resultsFile)) throw error;
  });
  const results = JSON.parse(await readFile(resultsFile, 'utf8')) as {
    targets: Record<string, unknown>[];
    calibration: unknown;
  };
  const byName = (name: string) => results.targets.find((t) => t.name === name);
  const ours = byName('ours');
  const oursRuns = ((ours?.runs as Record<string, { navBytes?: number }[]>)?.throttled ?? []).map(
    (r) => r.navBytes ?? 0,
  );
  return {
    ours: peerSummary(ours),
    vitepress: peerSummary(byName('vitepress')),
    docsify: peerSummary(byName('docsify')),
    reps,
    calibration: results.calibration,
    errors: results.targets.flatMap((t) =>
      ((t.errors as { mode: string; error: string }[]) ?? []).map((e) => `${t.name}: ${e.error}`),
    ),
    resultsFile,
    clickBytes: oursRuns.length ? Math.max(...oursRuns) : null,
  };
}

// ------------------------------------------------------------------------------ scale

/** In-page helpers, installed before any page script (plain JS: it runs in the browser). */
const PROBE = String.raw`(() => {
  if (window.top !== window) return;
  const B = (window.__bench = { click: null, key: null });
  const norm = (s) => s.replace(/\s+/g, ' ');
  const visible = (sel, text) => {
    for (const scope of document.querySelectorAll(sel)) {
      if (!norm(scope.textContent).includes(text)) continue;
      let el = scope;
      for (let deeper = true; deeper; ) {
        deeper = false;
        for (const child of el.children) {
          if (norm(child.textContent).includes(text)) { el = child; deeper = true; break; }
        }
      }
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) return el;
    }
    return null;
  };
  // Time the text is painted: Element Timing on the element found (as the peers harness does).
  B.textPainted = (sel, text) => new Promise((resolve) => {
    const tick = () => {
      const el = visible(sel, text);
      if (!el) return void requestAnimationFrame(tick);
      const rafT = performance.now();
      el.setAttribute('elementtiming', 'bench-text');
      let done = false;
      const finish = (t) => { if (!done) { done = true; obs.disconnect(); resolve({ t: t ?? rafT, rafT }); } };
      const obs = new PerformanceObserver((list) => {
        const hit = list.getEntries().find((e) => e.identifier === 'bench-text');
        if (hit) finish(hit.renderTime || hit.startTime);
      });
      obs.observe({ type: 'element', buffered: true });
      setTimeout(() => finish(null), 3000);
    };
    requestAnimationFrame(tick);
  });
  // Time of the first paint after check() holds (rAF, then a message: runs once that frame is
  // painted).
  B.paintWhen = (check, timeoutMs) => new Promise((resolve) => {
    const t0 = performance.now();
    const tick = () => {
      if (check()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      } else if (performance.now() - t0 > timeoutMs) resolve(null);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  addEventListener('click', (e) => { if (e.isTrusted) B.click = e.timeStamp; }, true);
  addEventListener('keydown', (e) => { if (e.isTrusted) B.key = e.timeStamp; }, true);
  // Text typed without a key (Playwright types 全 as inserted text, as an input method commits it).
  addEventListener('beforeinput', (e) => { if (e.isTrusted && B.key === null) B.key = e.timeStamp; }, true);
})()`;

/** A static server (the peers harness's: gzip, SPA fallback) for a built site, in a child process. */
async function serve(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = existsSync(path.join(PEERS_DIR, 'serve.mjs'))
    ? path.join(PEERS_DIR, 'serve.mjs')
    : path.join(SHARED_PEERS, 'serve.mjs');
  if (!existsSync(script)) throw new Error(`no static server: ${script} not found`);
  const child = spawn('node', [script, dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function newPage(browser: Browser, throttle: 'slow' | 'cpu' | 'none') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle !== 'none') await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
  if (throttle === 'slow') {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW.latency,
      downloadThroughput: SLOW.download,
      uploadThroughput: SLOW.upload,
    });
  }
  return { context, page, cdp };
}

/** Text of a talk's notes that renders as plain text (what the cold load waits for). */
function probeText(doc: ReaderTalk): string {
  const found = plainText(expandTree(doc.tree).children);
  return found ? found.trim().replace(/\s+/g, ' ').slice(0, 30).trim() : doc.title;
}

/** The first paragraph or heading of these nodes (depth first) whose one child is a long plain text. */
function plainText(nodes: readonly MdastNodes[]): string | null {
  for (const node of nodes) {
    if (!('children' in node)) continue;
    const [only, ...more] = node.children;
    const block = node.type === 'paragraph' || node.type === 'heading';
    if (block && only?.type === 'text' && more.length === 0 && PLAIN.test(only.value)) {
      return only.value;
    }
    const inner = plainText(node.children);
    if (inner) return inner;
  }
  return null;
}

const PLAIN = /^[^\s[\]`*_<>#!|~\\][^[\]`*_<>#!|~\\]{7,}$/;

interface Talk {
  path: string;
  probe: string;
  title: string;
}

async function pickTalk(app: string, index: NotesIndex, where: 'first' | 'middle'): Promise<Talk> {
  const conferences = index.conferences.filter((c) => c.days.some((d) => d.talks.length > 0));
  const conference =
    where === 'first' ? conferences[0]! : conferences[Math.floor(conferences.length / 2)]!;
  const talks = conference.days.flatMap((d) => d.talks);
  const talk = where === 'first' ? talks[0]! : talks[Math.floor(talks.length / 2)]!;
  const doc = JSON.parse(
    await readFile(path.join(app, 'data', talk.dataFile), 'utf8'),
  ) as ReaderTalk;
  return {
    path: `/${encodeURIComponent(conference.slug)}/${encodeURIComponent(talk.slug)}`,
    probe: probeText(doc),
    title: talk.title,
  };
}

/** Cold load of a talk URL in a fresh context, slow profile: ms until its text is painted. */
async function coldLoad(browser: Browser, base: string, talk: Talk): Promise<number> {
  const { context, page } = await newPage(browser, 'slow');
  try {
    await page.goto(base + talk.path, { waitUntil: 'commit', timeout: 120_000 });
    const result = (await page.evaluate(
      `Promise.race([window.__bench.textPainted('main', ${JSON.stringify(talk.probe)}),
        new Promise((r) => setTimeout(() => r(null), 60000))])`,
    )) as { t: number } | null;
    if (!result) throw new Error(`text not painted within 60 s: ${talk.probe}`);
    return result.t;
  } finally {
    await context.close();
  }
}

/** Waits until the app has hydrated (a sidebar button reacts) and the network is quiet. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // Polled with evaluate: the app's CSP forbids the string eval that waitForFunction would use.
  const hydrated = `(() => { const el = document.querySelector('nav[aria-label="Talks"]');
    return !!el && Object.keys(el).some((k) => k.startsWith('__react')); })()`;
  const started = Date.now();
  while (!(await page.evaluate(hydrated))) {
    if (Date.now() - started > 120_000) throw new Error('the app did not hydrate within 120 s');
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
}

/** The sidebar filter toggled under 4x CPU: ms from the click to the paint that shows it. */
async function filterToggles(page: Page, rounds: number): Promise<number[]> {
  const group = page.getByRole('group', { name: 'Show talks' });
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const label of ['Incomplete', 'Empty only', 'All']) {
      const link = group.getByRole('link', { name: new RegExp(`^${label} \\d+$`) });
      await link.hover();
      // Watching starts before the click, so the paint is seen whenever it comes (the script ends
      // in `undefined`, or evaluate would wait for the promise).
      await page.evaluate(
        `window.__bench.click = null;
        window.__bench.pending = window.__bench.paintWhen(() => {
          const current = document.querySelector('[role=group] a[aria-current="true"]');
          return !!current && current.textContent.startsWith(${JSON.stringify(label)});
        }, 10000);
        undefined;`,
      );
      await link.click();
      const painted = (await page.evaluate('window.__bench.pending')) as number | null;
      const click = (await page.evaluate('window.__bench.click')) as number | null;
      if (painted !== null && click !== null) samples.push(painted - click);
      await page.waitForTimeout(300);
    }
  }
  return samples;
}

function total(bytes: SearchBytes): number {
  return bytes.indexBytes + bytes.talkBytes;
}

/** Returns the sizes of a built app's data folder, of its search index and of the notes. */
async function dataBytes(
  app: string,
  notes: string,
  index: NotesIndex,
): Promise<ScaleFigures['dataBytes']> {
  const folder = index.searchFile?.slice(0, index.searchFile.lastIndexOf('/') + 1) ?? null;
  const figures = { raw: 0, notes: 0, search: { raw: 0, gzip: 0, files: 0 } };
  const walk = async (dir: string, rel: string, visit: (rel: string, bytes: Buffer) => void) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const child = path.join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child, name, visit);
      else visit(name, await readFile(child));
    }
  };
  await walk(path.join(app, 'data'), '', (rel, bytes) => {
    figures.raw += bytes.length;
    if (folder && rel.startsWith(folder)) {
      figures.search.raw += bytes.length;
      figures.search.gzip += gzipSync(bytes).length;
      figures.search.files += 1;
    }
  });
  await walk(notes, '', (rel, bytes) => {
    if (rel.endsWith('.md')) figures.notes += bytes.length;
  });
  return figures;
}

/** What the search typing benchmark types, one key at a time. */
const SEARCH_WORDS = ['gorout', '全局唯一'];

/** Bytes the search fetched (gzip as served, each file once): data/search/ and talk files. */
export interface SearchBytes {
  files: number;
  /** Search index files (manifest and chunks). */
  indexBytes: number;
  /** Talk files read for results' text. */
  talkBytes: number;
}

/** Counts the search and talk data files the context fetches (the search worker's included). */
function countSearchBytes(context: BrowserContext): { take: () => SearchBytes } {
  let counted: SearchBytes = { files: 0, indexBytes: 0, talkBytes: 0 };
  context.on('requestfinished', (request) => {
    const { pathname } = new URL(request.url());
    const search = pathname.includes('/data/search/');
    if (!search && !pathname.includes('/data/talks/')) return;
    void request.sizes().then(({ responseBodySize }) => {
      counted.files += 1;
      if (search) counted.indexBytes += responseBodySize;
      else counted.talkBytes += responseBodySize;
    });
  });
  return {
    take: () => {
      const taken = counted;
      counted = { files: 0, indexBytes: 0, talkBytes: 0 };
      return taken;
    },
  };
}

/** The page's search is answering (not on its way): the dialog is not busy. */
const SEARCH_IDLE = `!document.querySelector('dialog[open] [aria-busy=true]')`;

/**
 * Search typed under 4x CPU: ms from each key to the paint of the updated results (the list no
 * longer busy and different from before), and the bytes fetched: to open the index and show the
 * first word's first results, then typing each word.
 */
async function searchTyping(
  page: Page,
  words: readonly string[],
  bytes: { take: () => SearchBytes },
): Promise<{
  samples: number[];
  /** The text typed when each sample was taken (a key whose results did not change has none). */
  typedTexts: string[];
  firstSearch: SearchBytes;
  typed: SearchBytes[];
}> {
  bytes.take();
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog');
  const input = dialog.getByRole('combobox');
  await input.waitFor({ timeout: 30_000 });
  // The index loads on first use; typing is timed once it has.
  await input.fill(words[0]!.slice(0, 2));
  const status = dialog.getByRole('status');
  const started = Date.now();
  while (/Loading|Searching/.test((await status.textContent()) ?? 'Loading')) {
    if (Date.now() - started > 120_000) throw new Error('the search index did not load in 120 s');
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(500);
  const firstSearch = bytes.take();
  const samples: number[] = [];
  const typedTexts: string[] = [];
  const typed: SearchBytes[] = [];
  const resultsText = `(() => { const d = document.querySelector('dialog[open]');
    return d ? (d.querySelector('[role=status]')?.textContent ?? '') + '|' +
      (d.querySelector('[role=listbox]')?.textContent ?? '') : ''; })()`;
  for (const word of words) {
    await input.fill('');
    await page.waitForTimeout(300);
    bytes.take();
    let text = '';
    for (const char of word) {
      text += char;
      await page.evaluate(
        `window.__bench.key = null;
        { const before = ${resultsText};
          window.__bench.pending = window.__bench.paintWhen(
            () => ${SEARCH_IDLE} && ${resultsText} !== before, 5000); }
        undefined;`,
      );
      await page.keyboard.type(char);
      const painted = (await page.evaluate('window.__bench.pending')) as number | null;
      const key = (await page.evaluate('window.__bench.key')) as number | null;
      if (painted !== null && key !== null) {
        samples.push(painted - key);
        typedTexts.push(text);
      }
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(500);
    typed.push(bytes.take());
  }
  await page.keyboard.press('Escape');
  return { samples, typedTexts, firstSearch, typed };
}

export interface ScaleFigures {
  talks: number;
  conferences: number;
  indexBytes: { raw: number; gzip: number };
  /** Median and largest talk page (raw bytes), and the pre-render's summary. */
  pages: { talkMedian: number; largest: number; prerender: string };
  buildMs: number;
  coldLoadMs: {
    big: number | null;
    shipped: number | null;
    bigSamples: number[];
    shippedSamples: number[];
  };
  filterToggleMs: { median: number | null; max: number | null; samples: number[] };
  /** The data folder (raw), its search index (raw, gzip per file) and the notes it was made from. */
  dataBytes: { raw: number; notes: number; search: { raw: number; gzip: number; files: number } };
  /** What search fetched: to show the first results, then typing each of `SEARCH_WORDS`. */
  searchBytes: { firstSearch: SearchBytes; typed: SearchBytes[] } | null;
  searchTypingMs: {
    median: number | null;
    max: number | null;
    samples: number[];
    /** The text typed for each sample (`g`, `go`, … `全局`). */
    keys: string[];
    error: string | null;
  };
  heapMiB: { afterIndex: number | null; afterSearch: number | null };
  talk: Talk;
}

async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return round(usedSize / MiB, 1);
}

async function talkPageSizes(app: string): Promise<{ median: number; largest: number }> {
  const sizes: number[] = [];
  let largest = 0;
  const walk = async (dir: string, depth: number) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && depth === 0 && !['assets', 'data'].includes(entry.name)) {
        await walk(file, 1);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        const { size } = await stat(file);
        largest = Math.max(largest, size);
        if (depth === 1) sizes.push(size);
      }
    }
  };
  await walk(app, 0);
  return { median: median(sizes) ?? 0, largest };
}

/**
 * The app over a big corpus: builds it (and the shipped notes, for the cold-load baseline) unless
 * given, then measures in Chromium. `reps` cold loads of each; three filter toggles per round.
 */
export async function measureScale(options: {
  corpusDir: string;
  reps?: number;
  log: Log;
  app?: string;
  shippedApp?: string;
  work?: string;
}): Promise<ScaleFigures> {
  const { log } = options;
  const reps = options.reps ?? 5;
  const work = options.work ?? (await mkdtemp(path.join(os.tmpdir(), 'app-scale-')));
  log(`scale: building the app from ${options.corpusDir} (compile, server build, pre-render)…`);
  const big = options.app
    ? {
        dir: path.resolve(options.app),
        index: JSON.parse(
          await readFile(path.join(options.app, 'data/index.json'), 'utf8'),
        ) as NotesIndex,
        buildMs: 0,
        prerender: 'given',
      }
    : await buildApp(options.corpusDir, path.join(work, 'big'), log);
  const shipped = options.shippedApp
    ? path.resolve(options.shippedApp)
    : (await buildApp(SHIPPED_NOTES, path.join(work, 'shipped'), log)).dir;
  const shippedIndex = JSON.parse(
    await readFile(path.join(shipped, 'data/index.json'), 'utf8'),
  ) as NotesIndex;
  const indexRaw = await readFile(path.join(big.dir, 'data/index.json'));
  const pages = await talkPageSizes(big.dir);
  const bigTalk = await pickTalk(big.dir, big.index, 'middle');
  const shippedTalk = await pickTalk(shipped, shippedIndex, 'first');

  log('scale: starting servers (the big site is loaded into memory and gzipped first)…');
  const bigServer = await serve(big.dir);
  const shippedServer = await serve(shipped);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const bigSamples: number[] = [];
    const shippedSamples: number[] = [];
    // One discarded round warms the servers and the browser's code caches alike for both.
    for (let rep = -1; rep < reps; rep++) {
      const a = await coldLoad(browser, bigServer.url, bigTalk);
      const b = await coldLoad(browser, shippedServer.url, shippedTalk);
      log(
        `scale: cold load ${rep < 0 ? 'warm-up' : `${rep + 1}/${reps}`}: ${round(a)} ms (${big.index.summary.talks} talks), ${round(b)} ms (shipped)`,
      );
      if (rep >= 0) {
        bigSamples.push(a);
        shippedSamples.push(b);
      }
    }

    // Interactions: loaded unthrottled (the network is not what is measured), then 4x CPU.
    const { context, page, cdp } = await newPage(browser, 'none');
    const bytes = countSearchBytes(context);
    try {
      await page.goto(bigServer.url + bigTalk.path);
      await settle(page);
      const afterIndex = await heapMiB(cdp);
      log(`scale: JS heap with the index loaded: ${afterIndex} MiB`);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
      const toggles = await filterToggles(page, reps >= 5 ? 3 : 1);
      log(`scale: filter toggle (4x CPU): ${toggles.map((t) => round(t)).join(', ')} ms`);
      let typing: number[] = [];
      let typingKeys: string[] = [];
      let searchBytes: ScaleFigures['searchBytes'] = null;
      let searchError: string | null = null;
      try {
        const typed = await searchTyping(page, SEARCH_WORDS, bytes);
        typing = typed.samples;
        typingKeys = typed.typedTexts;
        searchBytes = { firstSearch: typed.firstSearch, typed: typed.typed };
        log(
          `scale: search typing (4x CPU): ${typing.map((t, i) => `${typed.typedTexts[i]} ${round(t)}`).join(', ')} ms`,
        );
        log(`scale: search bytes: ${JSON.stringify(searchBytes)}`);
      } catch (error) {
        searchError = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        log(`scale: search typing could not be measured: ${searchError}`);
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const afterSearch = searchError ? null : await heapMiB(cdp);
      return {
        talks: big.index.summary.talks,
        conferences: big.index.conferences.length,
        indexBytes: { raw: indexRaw.length, gzip: gzipSync(indexRaw, { level: 6 }).length },
        pages: { talkMedian: pages.median, largest: pages.largest, prerender: big.prerender },
        buildMs: big.buildMs,
        coldLoadMs: {
          big: median(bigSamples),
          shipped: median(shippedSamples),
          bigSamples: bigSamples.map((t) => round(t)),
          shippedSamples: shippedSamples.map((t) => round(t)),
        },
        filterToggleMs: {
          median: median(toggles),
          max: toggles.length ? Math.max(...toggles) : null,
          samples: toggles.map((t) => round(t)),
        },
        searchTypingMs: {
          median: median(typing),
          max: typing.length ? Math.max(...typing) : null,
          samples: typing.map((t) => round(t)),
          keys: typingKeys,
          error: searchError,
        },
        searchBytes,
        dataBytes: await dataBytes(big.dir, options.corpusDir, big.index),
        heapMiB: { afterIndex, afterSearch },
        talk: bigTalk,
      };
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    await Promise.all([bigServer.stop(), shippedServer.stop()]);
  }
}

// ------------------------------------------------------------------------------ bench rows

const within = (ours: number | null, limit: number | null) =>
  ours === null || limit === null ? null : ours <= limit;

/**
 * The click ratio of each round (ours and VitePress clicked the same talk), worst last: reported
 * beside the goal, which issue 12 sets on the run's medians (VitePress alone spans 75–170 ms
 * over the talks a run clicks).
 */
function clickRatios(ours: PeerFigures, vitepress: PeerFigures): number[] {
  return ours.navSamples
    .map((ms, i) => {
      const theirs = vitepress.navSamples[i];
      return ms === null || theirs === null || theirs === undefined || theirs === 0
        ? null
        : ms / theirs;
    })
    .filter((r): r is number => r !== null)
    .sort((a, b) => a - b);
}

export function peersRows(peers: PeersFigures): BenchRow[] {
  const { ours, vitepress, docsify } = peers;
  const note = (extra: string) =>
    `median of ${ours.runs}, slow profile; Docsify ${extra}${peers.errors.length ? `; ${peers.errors.length} failed runs` : ''}`;
  const ratios = clickRatios(ours, vitepress);
  const worst = ratios.at(-1) ?? null;
  return [
    {
      measure: 'cold load of a talk URL → talk text painted',
      ours: ours.textMs === null ? null : round(ours.textMs),
      baseline: vitepress.textMs === null ? null : round(vitepress.textMs),
      unit: 'ms',
      goal: '≤ 0.5 × VitePress',
      met: within(ours.textMs, vitepress.textMs === null ? null : 0.5 * vitepress.textMs),
      note: note(`${docsify.textMs === null ? '–' : round(docsify.textMs)} ms`),
    },
    {
      measure: 'sidebar click → other talk painted',
      ours: ours.navMs === null ? null : round(ours.navMs),
      baseline: vitepress.navMs === null ? null : round(vitepress.navMs),
      unit: 'ms',
      goal: '≤ 0.7 × VitePress (medians of the run)',
      met: within(ours.navMs, vitepress.navMs === null ? null : 0.7 * vitepress.navMs),
      note: note(
        `${docsify.navMs === null ? '–' : round(docsify.navMs)} ms; ratio ${ours.navMs !== null && vitepress.navMs ? (ours.navMs / vitepress.navMs).toFixed(2) : '–'} ×, rounds ${ratios.length ? `${ratios[0]!.toFixed(2)}–${worst!.toFixed(2)} ×` : '–'} (each round clicks another talk, on both sites); click fetched ${peers.clickBytes ?? '–'} B at most`,
      ),
    },
    {
      measure: 'bytes transferred on cold load (gzip)',
      ours: ours.bytes === null ? null : round(ours.bytes / KiB, 1),
      baseline: vitepress.bytes === null ? null : round(vitepress.bytes / KiB, 1),
      unit: 'KiB',
      goal: '≤ 0.85 × VitePress',
      met: within(ours.bytes, vitepress.bytes === null ? null : 0.85 * vitepress.bytes),
      note: note(
        `${docsify.bytes === null ? '–' : round(docsify.bytes / KiB, 1)} KiB; ours JS ${ours.jsBytes === null ? '–' : round(ours.jsBytes / KiB, 1)} KiB`,
      ),
    },
  ];
}

export function scaleRows(scale: ScaleFigures): BenchRow[] {
  const n = scale.talks.toLocaleString('en');
  return [
    {
      measure: `index.json at ${n} talks (raw / gzip)`,
      ours: `${round(scale.indexBytes.raw / MiB, 2)} MiB / ${round(scale.indexBytes.gzip / KiB)} KiB`,
      goal: 'reported',
      met: null,
      note: `loaded once after the first paint; talk pages ${round(scale.pages.talkMedian / KiB)} KiB median, largest page ${round(scale.pages.largest / KiB)} KiB (raw); ${scale.pages.prerender}`,
    },
    {
      measure: `cold load of a talk URL → text painted, ${n} talks`,
      ours: scale.coldLoadMs.big === null ? null : round(scale.coldLoadMs.big),
      baseline: scale.coldLoadMs.shipped === null ? null : round(scale.coldLoadMs.shipped),
      unit: 'ms',
      goal: '≤ 1.2 × shipped notes',
      met: within(
        scale.coldLoadMs.big,
        scale.coldLoadMs.shipped === null ? null : 1.2 * scale.coldLoadMs.shipped,
      ),
      note: `median of ${scale.coldLoadMs.bigSamples.length}, slow profile; baseline: the shipped notes' build, same run`,
    },
    {
      measure: `sidebar filter toggled → painted, 4x CPU, ${n} talks`,
      ours: scale.filterToggleMs.median === null ? null : round(scale.filterToggleMs.median),
      unit: 'ms',
      goal: '≤ 100 ms',
      met: within(scale.filterToggleMs.max, 100),
      note: `median of ${scale.filterToggleMs.samples.length}, max ${scale.filterToggleMs.max === null ? '–' : round(scale.filterToggleMs.max)} ms (met = max)`,
    },
    {
      measure: `search: key typed → results painted, 4x CPU, ${n} talks`,
      ours: scale.searchTypingMs.median === null ? null : round(scale.searchTypingMs.median),
      unit: 'ms',
      goal: '≤ 50 ms median, ≤ 100 ms max',
      met:
        scale.searchTypingMs.median === null || scale.searchTypingMs.max === null
          ? null
          : scale.searchTypingMs.median <= 50 && scale.searchTypingMs.max <= 100,
      note: scale.searchTypingMs.error
        ? `could not run: ${scale.searchTypingMs.error}`
        : `median of ${scale.searchTypingMs.samples.length} keys (${SEARCH_WORDS.map((w) => `"${w}"`).join(', ')}: ${scale.searchTypingMs.samples.map((t, i) => `${scale.searchTypingMs.keys[i]} ${t}`).join(', ')} ms), max ${scale.searchTypingMs.max === null ? '–' : round(scale.searchTypingMs.max)} ms`,
    },
    {
      measure: `search: bytes fetched to show the first results, ${n} talks (gzip)`,
      ours: scale.searchBytes ? round(total(scale.searchBytes.firstSearch) / KiB, 1) : null,
      unit: 'KiB',
      goal: 'reported',
      met: null,
      note: scale.searchBytes
        ? `index ${round(scale.searchBytes.firstSearch.indexBytes / KiB, 1)} KiB + talk files ${round(scale.searchBytes.firstSearch.talkBytes / KiB, 1)} KiB, ${scale.searchBytes.firstSearch.files} files; then typing ${scale.searchBytes.typed.map((b, i) => `"${SEARCH_WORDS[i]}" ${round(total(b) / KiB, 1)} KiB (${b.files} files)`).join(', ')}`
        : 'not measured',
    },
    {
      measure: `search index on disk, ${n} talks (raw / gzip, each file on its own)`,
      ours: round(scale.dataBytes.search.raw / MiB, 2),
      unit: 'MiB',
      goal: 'reported',
      met: null,
      note: `${round(scale.dataBytes.search.gzip / MiB, 2)} MiB gzip in ${scale.dataBytes.search.files} files`,
    },
    {
      measure: `data folder / notes, ${n} talks (raw)`,
      ours: round(scale.dataBytes.raw / scale.dataBytes.notes, 2),
      unit: '×',
      goal: '≤ 4 ×',
      met: scale.dataBytes.raw <= 4 * scale.dataBytes.notes,
      note: `${round(scale.dataBytes.raw / MiB, 1)} MiB of data for ${round(scale.dataBytes.notes / MiB, 1)} MiB of notes`,
    },
    {
      measure: `tab JS heap after loading the ${n}-talk index`,
      ours: scale.heapMiB.afterIndex,
      unit: 'MiB',
      goal: 'reported',
      met: null,
      note: `after GC; ${scale.heapMiB.afterSearch ?? '–'} MiB with the search index loaded too (the page's heap: the search worker's is its own)`,
    },
  ];
}

function failed(measure: string, error: unknown): BenchRow {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    measure,
    ours: null,
    goal: '—',
    met: null,
    note: `could not run: ${reason.split('\n')[0]}`,
  };
}

/** What `npm run bench` calls (see bench-types.ts). Never throws: a row says what failed. */
export const appFigures: AppFigures = async (options: AppFiguresOptions) => {
  // The issue's figures are medians of at least 10 repetitions.
  const reps = options.quick ? 2 : 10;
  const work = await mkdtemp(path.join(os.tmpdir(), 'app-figures-'));
  const rows: BenchRow[] = [];
  try {
    let shippedApp: string | undefined;
    try {
      const shipped = await buildApp(SHIPPED_NOTES, path.join(work, 'shipped'), options.log);
      shippedApp = shipped.dir;
      rows.push(
        ...peersRows(await measurePeers({ reps, log: options.log, app: shippedApp, work })),
      );
    } catch (error) {
      options.log(
        `peers comparison failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      rows.push(failed('ours vs VitePress (peers harness)', error));
    }
    try {
      const scale = await measureScale({
        corpusDir: options.corpusDir,
        reps,
        log: options.log,
        shippedApp,
        work,
      });
      rows.push(...scaleRows(scale));
    } catch (error) {
      options.log(
        `scale figures failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      rows.push(failed(`the app over ${options.conferences} × ${options.talks} talks`, error));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return rows;
};

// ------------------------------------------------------------------------------ CLI

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      peers: { type: 'boolean', default: false },
      scale: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      app: { type: 'string' },
      'shipped-app': { type: 'string' },
      reps: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const log: Log = (line) => process.stderr.write(`${line}\n`);
  const reps = values.reps ? Number(values.reps) : values.quick ? 2 : 5;
  const out: Record<string, unknown> = {};
  const rows: BenchRow[] = [];
  if (values.peers) {
    const peers = await measurePeers({ reps, log, app: values['shipped-app'] });
    out.peers = peers;
    rows.push(...peersRows(peers));
  }
  if (values.scale) {
    if (!values.corpus) throw new Error('Unexpected --scale without --corpus <dir>, expected both');
    const scale = await measureScale({
      corpusDir: values.corpus,
      reps,
      log,
      app: values.app,
      shippedApp: values['shipped-app'],
    });
    out.scale = scale;
    rows.push(...scaleRows(scale));
  }
  if (!values.peers && !values.scale) {
    throw new Error(
      'Unexpected nothing to measure, expected --peers and/or --scale --corpus <dir>',
    );
  }
  out.rows = rows;
  for (const row of rows) {
    const ratio =
      typeof row.ours === 'number' && typeof row.baseline === 'number' && row.baseline
        ? ` (${(row.ours / row.baseline).toFixed(2)} ×)`
        : '';
    console.log(
      `${row.measure}: ${row.ours ?? '–'}${row.unit && typeof row.ours === 'number' ? ` ${row.unit}` : ''}` +
        `${row.baseline != null ? ` vs ${row.baseline} ${row.unit ?? ''}` : ''}${ratio} — goal ${row.goal}` +
        `${row.met === null ? '' : row.met ? ' ✓' : ' ✗'}${row.note ? ` [${row.note}]` : ''}`,
    );
  }
  if (values.json) await writeFile(values.json, `${JSON.stringify(out, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The package as a person gets it: `npm pack`, `npm install <the .tgz>` in an empty folder
// outside the repository, `npx conference-notes build` / `gaps` on a notes folder of their own,
// the site served and read in the browser.

const root = path.resolve(import.meta.dirname, '..');
/** Beside the app (E2E_PORT), the hostile app (+ 1) and the fill-in dev server (+ 2). */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 3;

const NOTES = {
  'gophercon-2024.md':
    '# GopherCon 2024\n\n## 8/28\n\n### Range over func\n\n- iterators are functions\n- Reference\n  - [slides](https://example.org/range)\n\n### Profile-guided optimization\n\n- TODO\n',
  '2017/pycon.md': '---\ntitle: PyCon 2017\n---\n\n## Async all the things\n\n- event loops\n',
};

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of someone outside the repository: no npm script variables, no
 * node_modules/.bin of the repository on PATH. npm's own cache (which `npm ci` filled) stays.
 */
function outsideEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_PATH') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(root))
    .join(path.delimiter);
  env.NOTES_DIR = '';
  env.BASE_PATH = '';
  return env;
}

/** Runs a command to its end; never rejects. */
function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: outsideEnv(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

/** Returns every file below `dir`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Returns the files below `dir` whose text contains `needle`. */
function filesNaming(dir: string, needle: string): string[] {
  return filesBelow(dir).filter((file) => readFileSync(file, 'latin1').includes(needle));
}

/** Resolves once `url` answers, or rejects after `ms`. */
async function waitForServer(url: string, server: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`preview exited (${server.exitCode})`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Unexpected silence from ${url}, expected the preview server to answer`);
}

test('the packed package builds a site from a notes folder, and the site reads', async ({
  page,
}) => {
  // npm install from the registry (npm's cache first) is most of it: 6 to 10 s on an idle
  // 2-core machine, a minute when it is busy.
  test.setTimeout(240_000);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'conference-notes-packed-'));
  const app = path.join(temp, 'app');
  const notes = path.join(temp, 'notes');
  let server: ChildProcess | null = null;
  try {
    mkdirSync(app);
    for (const [file, text] of Object.entries(NOTES)) {
      mkdirSync(path.dirname(path.join(notes, file)), { recursive: true });
      writeFileSync(path.join(notes, file), text);
    }
    const started = Date.now();
    const packed = await run('npm', ['pack', '--json', '--pack-destination', temp], root);
    expect(packed.code, packed.stderr).toBe(0);
    const [{ filename, size }] = JSON.parse(packed.stdout) as { filename: string; size: number }[];
    const installed = await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(temp, filename)],
      app,
    );
    expect(installed.code, installed.stderr).toBe(0);
    const built = await run(
      'npx',
      ['--no', 'conference-notes', 'build', notes, '--out', 'site'],
      app,
    );
    expect(built.code, built.stderr).toBe(0);
    test.info().annotations.push({
      type: 'packed',
      description: `${(size / 1024).toFixed(1)} KiB packed; pack + install + build ${((Date.now() - started) / 1000).toFixed(1)} s`,
    });

    const gaps = await run('npx', ['--no', 'conference-notes', 'gaps', notes], app);
    expect(gaps).toMatchObject({ code: 0, stderr: '' });
    expect(gaps.stdout).toContain(
      `${path.join(notes, 'gophercon-2024.md')}:13:3  todo  Profile-guided optimization\n`,
    );
    expect(gaps.stdout).toMatch(/^3 talks: 2 complete, 0 partial, 1 empty \(2 gaps\)$/m);

    // A built site never names the folder it was built from, nor where the builder works.
    const site = path.join(app, 'site');
    expect(filesNaming(site, notes)).toEqual([]);
    expect(filesNaming(site, temp)).toEqual([]);

    server = spawn(
      path.join(app, 'node_modules/.bin/conference-notes'),
      ['preview', 'site', '--port', String(PORT), '--host', '127.0.0.1'],
      { cwd: app, env: outsideEnv(), stdio: 'ignore', detached: true },
    );
    const origin = `http://127.0.0.1:${PORT}`;
    await waitForServer(origin, server, 30_000);

    await page.goto(`${origin}/gophercon-2024/range-over-func`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Range over func');
    await expect(main).toContainText('iterators are functions');
    const shown = main.locator('code', { hasText: 'gophercon-2024.md' });
    await expect(shown).toHaveText('gophercon-2024.md');
    await expect(shown).not.toHaveAttribute('title');
    // The stylesheet Tailwind made from the installed app's sources applies.
    await expect(main.getByRole('heading', { level: 1 })).toHaveCSS('font-weight', '700');

    // The app hydrated: the sidebar moves to the other file's talk without a page load.
    await page
      .getByRole('navigation', { name: 'Talks', exact: true })
      .getByRole('link', { name: 'Async all the things', exact: true })
      .click();
    await expect(page).toHaveURL(`${origin}/pycon/async-all-the-things`);
    await expect(main).toContainText('line 5 of 2017/pycon.md');
  } finally {
    // The server may have ended already (then there is nothing to stop).
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    rmSync(temp, { recursive: true, force: true });
  }
});

test('the build of this repository names no folder of the builder', () => {
  // dist/ is what `npm run build` wrote before the e2e tests (the test script's order).
  const dist = path.join(root, 'dist');
  expect(filesBelow(dist).length).toBeGreaterThan(0);
  expect(filesNaming(dist, path.join(root, 'notes'))).toEqual([]);
  expect(filesNaming(dist, root)).toEqual([]);
});

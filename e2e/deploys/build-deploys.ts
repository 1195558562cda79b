/**
 * Builds the app twice under a sub-path (`BASE_PATH=/notes/`) for e2e/offline-update.spec.ts:
 * `v1` from the shipped notes, `v2` from the same notes edited (a sentence of "Go in TiDB"
 * revised, a talk added), into dist-deploys/{v1,v2}. Deploying v2 where v1 was must bring
 * "New notes available". The same steps as `npm run build`, each with its own public folder, so
 * public/data and dist/ stay as they are. Skipped when both are newer than every input.
 *
 *   tsx e2e/deploys/build-deploys.ts [--force]
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { newest } from '../support/newest';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'dist-deploys');
const SHIPPED = path.join(root, 'notes/gopherchina-2017.md');

/** The base path both builds are made for. */
export const DEPLOY_BASE = '/notes/';
/** What v2 changes, for the tests to look for. */
export const V2 = {
  revised: 'TiDB is a distributed NewSQL database compatible with MySQL protocol, revised.',
  addedTalk: 'Reading notes on a plane',
};

/** dist-deploys/<name>: the built site of that deploy. */
export function deployDir(name: 'v1' | 'v2'): string {
  return path.join(out, name, 'app');
}

/** The v2 notes: the shipped file with one sentence revised and a talk added at the end. */
function v2Notes(): string {
  const shipped = readFileSync(SHIPPED, 'utf8');
  const sentence = 'TiDB is a distributed NewSQL database compatible with MySQL protocol.';
  if (!shipped.includes(sentence)) {
    throw new Error(
      `${SHIPPED}: Unexpected notes without "${sentence}", expected the shipped notes`,
    );
  }
  return `${shipped.replace(sentence, V2.revised).trimEnd()}\n\n### ${V2.addedTalk}\n\n- Every talk read this month is on the phone.\n`;
}

/** One deploy: notes into its own folder, then client build, server build, pre-render. */
function build(name: 'v1' | 'v2', notes: string): void {
  const dir = path.join(out, name);
  mkdirSync(path.join(dir, 'public'), { recursive: true });
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  writeFileSync(path.join(dir, 'notes', 'gopherchina-2017.md'), notes);
  for (const entry of readdirSync(path.join(root, 'public'))) {
    if (entry !== 'data') {
      cpSync(path.join(root, 'public', entry), path.join(dir, 'public', entry), {
        recursive: true,
      });
    }
  }
  const env = {
    ...process.env,
    BASE_PATH: DEPLOY_BASE,
    NOTES_DIR: path.join(dir, 'notes'),
    DEPLOY_PUBLIC_DIR: path.join(dir, 'public'),
  };
  const bin = (command: string) => path.join(root, 'node_modules', '.bin', command);
  const config = ['--config', 'e2e/deploys/vite.config.ts', '--logLevel', 'warn'];
  // Quiet unless it fails (then the error carries the output): it runs inside the e2e tests.
  const run = (command: string, args: string[]) =>
    execFileSync(bin(command), args, { cwd: root, env, stdio: 'pipe' });
  const app = path.relative(root, deployDir(name));
  const ssr = path.relative(root, path.join(dir, 'ssr'));
  run('vite', ['build', ...config, '--outDir', app, '--emptyOutDir']);
  run('vite', ['build', ...config, '--ssr', 'src/entry-server.tsx', '--outDir', ssr]);
  run('tsx', ['src/prerender/prerender.ts', '--dist', app, '--ssr', ssr]);
}

/** Builds both deploys unless they are newer than every input (or `force`). */
export function buildDeploys(force = false): void {
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'e2e/deploys', 'package.json'];
  const stamps = (['v1', 'v2'] as const).map((name) => path.join(deployDir(name), 'index.html'));
  const latest = Math.max(newest(root, inputs), statSync(SHIPPED).mtimeMs);
  if (!force && stamps.every((stamp) => existsSync(stamp) && statSync(stamp).mtimeMs > latest)) {
    return;
  }
  rmSync(out, { recursive: true, force: true });
  build('v1', readFileSync(SHIPPED, 'utf8'));
  build('v2', v2Notes());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildDeploys(process.argv.includes('--force'));
  console.log('deploy builds: dist-deploys/v1, dist-deploys/v2');
}

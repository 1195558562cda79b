/**
 * Builds the app a second time, from a notes file full of hostile HTML and links
 * (src/compiler/fixtures/hostile/input.md, also a compiler fixture), into dist-hostile/app, for
 * e2e/hostile.spec.ts, with the command `npm run build` runs (`conference-notes build`), so
 * dist/ stays as it is. Skipped when dist-hostile/app is newer than every input.
 *
 *   tsx e2e/hostile/build-hostile.ts [--force]
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { APP_INPUTS, isFresh } from '../support/newest';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'dist-hostile');
export const HOSTILE_NOTES = 'src/compiler/fixtures/hostile/input.md';
const stamp = path.join(out, 'app', 'index.html');

const fresh = isFresh(root, stamp, [...APP_INPUTS, 'e2e/hostile']);
if (fresh && !process.argv.includes('--force')) {
  console.log('hostile build: up to date (dist-hostile/app)');
  process.exit(0);
}

rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  ['bin/conference-notes.mjs', 'build', HOSTILE_NOTES, '--out', 'dist-hostile/app'],
  { cwd: root, stdio: 'inherit' },
);
console.log('hostile build: dist-hostile/app');

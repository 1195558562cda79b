/**
 * Builds the app from generated notes of many talks (src/bench/generate-corpus.ts: 2 conferences
 * of 95 talks) into dist-many/app, for e2e/many-talks.spec.ts: more rows than the sidebar lists
 * plainly (`PLAIN_MAX_ROWS`, so it renders only the rows in view), few enough talks that every
 * conference stays open (`EXPAND_ALL_MAX_TALKS`). The same command as `npm run build`, so dist/
 * stays as it is. Skipped when dist-many/app is newer than every input.
 *
 *   tsx e2e/many/build-many.ts [--force]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NotesIndex } from '../../src/compiler/contract';
import { generateCorpus } from '../../src/bench/generate-corpus';
import { APP_INPUTS, isFresh } from '../support/newest';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'dist-many');
/** The built site. */
export const MANY_APP = path.join(out, 'app');
const stamp = path.join(MANY_APP, 'index.html');

/** Builds the site unless it is newer than every input (or `force`); returns its notes index. */
export function buildMany(force = false): NotesIndex {
  if (force || !isFresh(root, stamp, [...APP_INPUTS, 'e2e/many'])) {
    rmSync(out, { recursive: true, force: true });
    const notes = path.join(out, 'notes');
    mkdirSync(notes, { recursive: true });
    for (const file of generateCorpus({ conferences: 2, talks: 95, seed: 7 })) {
      writeFileSync(path.join(notes, file.name), file.text);
    }
    // Quiet unless it fails (then the error carries the output): it runs inside the e2e tests.
    execFileSync(
      process.execPath,
      ['bin/conference-notes.mjs', 'build', notes, '--out', MANY_APP],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
  }
  return JSON.parse(readFileSync(path.join(MANY_APP, 'data', 'index.json'), 'utf8')) as NotesIndex;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildMany(process.argv.includes('--force'));
  console.log('many-talks build: dist-many/app');
}

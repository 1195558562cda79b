import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { APP_ROOT } from '../../vite.config.ts';

/**
 * Returns a new, empty folder in the temp folder for one run's notes data, removed when the
 * process exits: the app's own public/ is left alone (and may not be writable in an installed
 * package), and two runs never share one. Writes the temp folder.
 */
export function runDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conference-notes-data-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Returns a new folder for one build's server bundle (the pre-render's), inside the app's folder:
 * Node resolves its `react` and `react-router` imports from there, as from the app. Writes it.
 */
export async function serverBuildDir(): Promise<string> {
  const dir = path.join(
    APP_ROOT,
    'node_modules',
    '.cache',
    'conference-notes',
    `ssr-${process.pid}-${Date.now().toString(36)}`,
  );
  await mkdir(dir, { recursive: true });
  return dir;
}

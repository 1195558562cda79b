import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { terminalPath } from '../compiler/compile-notes.ts';

/** The app's folder (where vite.config.ts is), in this repository or in an installed package. */
const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Returns why the site folder `out` must not be emptied and written, or null: it may not hold
 * the current folder, the notes or the app, and a folder with files must be a site built
 * before (Vite empties it first). Reads the file system; mutates nothing.
 */
export async function unsafeOut(
  options: { notes: string; out: string },
  cwd: string,
): Promise<string | null> {
  const { out, notes } = options;
  const shown = `\`--out ${terminalPath(out, '.', cwd)}\``;
  const holds = (inner: string, what: string) =>
    isWithin(out, inner)
      ? `Unexpected ${shown}: it holds ${what}, expected a folder for the site only (it is emptied first)`
      : null;
  const problem =
    holds(cwd, 'the current folder') ?? holds(notes, 'the notes') ?? holds(APP_ROOT, 'the app');
  if (problem) return problem;
  if (!existsSync(out)) return null;
  const entries = await readdir(out).catch(() => null);
  if (entries === null) return `Unexpected ${shown}: not a folder, expected a folder for the site`;
  if (entries.length === 0 || entries.includes('index.html')) return null;
  return `Unexpected ${shown} with other files in it, expected an empty folder or a site built before (it is emptied first)`;
}

/** Returns whether `inner` is `outer` or inside it (both absolute). Mutates nothing. */
export function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

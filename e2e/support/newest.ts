import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time under the given paths (files or folders) of `root`, data folders skipped. */
export function newest(root: string, paths: string[]): number {
  let latest = 0;
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    const info = statSync(file);
    if (info.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== 'data') visit(path.join(file, entry));
    } else latest = Math.max(latest, info.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return latest;
}

/** What the app's build (`conference-notes build`) is made of, notes aside. */
export const APP_INPUTS = ['src', 'bin', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** Whether a build's `stamp` file exists and is newer than every one of `inputs` under `root`. */
export function isFresh(root: string, stamp: string, inputs: string[]): boolean {
  return existsSync(stamp) && statSync(stamp).mtimeMs > newest(root, inputs);
}

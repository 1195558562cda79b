import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataFile } from './emit.ts';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes the data files into `outDir` and returns what changed. Files whose bytes are already
 * there are left alone (no needless watcher events); each write goes through a temporary file
 * and a rename so a reader never sees half a file; `index.json` is written after the talk files
 * it points at; then `.json` files of earlier runs that are no longer produced are removed.
 * Mutates the file system only.
 */
export async function writeDataFiles(
  outDir: string,
  files: readonly DataFile[],
): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const ordered = [
    ...files.filter((f) => f.path !== 'index.json'),
    ...files.filter((f) => f.path === 'index.json'),
  ];
  for (const file of ordered) {
    const target = path.join(outDir, file.path);
    const existing = await readFile(target, 'utf8').catch(() => null);
    if (existing === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, file.content);
    await rename(temp, target);
    report.written.push(file.path);
  }
  const keep = new Set(files.map((f) => f.path));
  await removeStale(outDir, '', keep, report.removed);
  return report;
}

async function removeStale(
  root: string,
  rel: string,
  keep: ReadonlySet<string>,
  removed: string[],
): Promise<boolean> {
  const dir = path.join(root, rel);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let empty = true;
  for (const entry of entries) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (await removeStale(root, child, keep, removed))
        await rmdir(path.join(root, child)).catch(() => undefined);
      else empty = false;
    } else if (entry.name.endsWith('.json') && !keep.has(child)) {
      await rm(path.join(root, child), { force: true });
      removed.push(child);
    } else empty = false;
  }
  return empty;
}

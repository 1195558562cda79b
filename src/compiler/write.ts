import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataFile } from './emit.ts';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface WriteOptions {
  /**
   * What the same writer put in `outDir` last time (path → content). Files listed here with the
   * same content are taken as still there, without reading them, files with other content are
   * written without reading them back to compare, and stale files are looked for
   * among these paths only instead of walking the folder: a one-file change then touches only
   * what changed, however many talks there are.
   */
  previous?: ReadonlyMap<string, string>;
  /** Paths to leave in place although not in `files` (e.g. the search index a deferred step replaces). */
  keep?: Iterable<string>;
  /**
   * Which files no longer produced to remove: `folder` (default without `previous`) walks the
   * folder for `.json` files; `previous` (default with it) looks among `previous` only; `none`
   * removes nothing (a first pass whose second pass prunes).
   */
  prune?: 'folder' | 'previous' | 'none';
}

/** File system operations in flight at once: enough to keep libuv's thread pool busy. */
const CONCURRENCY = 32;

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
  options: WriteOptions = {},
): Promise<WriteReport> {
  const { previous } = options;
  /** Per folder: whether this call made it (then none of the files it will hold are there yet). */
  const made = new Map<string, Promise<boolean>>();
  const ensureDir = (dir: string) => {
    let pending = made.get(dir);
    if (!pending) {
      pending = mkdir(dir, { recursive: true }).then((first) => first !== undefined);
      made.set(dir, pending);
    }
    return pending;
  };
  // Folders `previous` has files in are there: no mkdir for them (unless a write finds one gone).
  // Data paths are `/`-separated and normalized: a slice is their folder (path.join for each of
  // 10,000 paths took a twentieth of an edit).
  const there = new Set<string>();
  for (const p of previous?.keys() ?? []) there.add(p.slice(0, Math.max(0, p.lastIndexOf('/'))));
  for (const dir of there) made.set(path.join(outDir, dir), Promise.resolve(false));
  /** Writes one file unless its bytes are there; returns whether it wrote. */
  const put = async (file: DataFile): Promise<boolean> => {
    const target = path.join(outDir, file.path);
    const dir = path.dirname(target);
    // A folder just made holds nothing yet (a fresh build's 10,000 reads that would fail), and
    // what `previous` holds is what is there: other bytes need no reading back to compare.
    const fresh = await ensureDir(dir);
    if (!fresh && !previous?.has(file.path)) {
      const existing = await readFile(target, 'utf8').catch(() => null);
      if (existing === file.content) return false;
    }
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, file.content).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await writeFile(temp, file.content);
    });
    await rename(temp, target);
    return true;
  };

  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const rest: DataFile[] = [];
  const index: DataFile[] = [];
  for (const file of files) {
    // Known to be there already: no promise, no read (a dev server's edit skips thousands).
    if (previous?.get(file.path) === file.content) report.unchanged.push(file.path);
    else (file.path === 'index.json' ? index : rest).push(file);
  }
  const wrote = await mapLimit(rest, CONCURRENCY, put);
  // The index last: it names the talk files, so they must be in place first.
  for (const file of index) wrote.push(await put(file));
  [...rest, ...index].forEach((file, i) =>
    (wrote[i] ? report.written : report.unchanged).push(file.path),
  );
  const keep = new Set([...files.map((f) => f.path), ...(options.keep ?? [])]);
  const prune = options.prune ?? (previous ? 'previous' : 'folder');
  if (prune === 'none') return report;
  if (prune === 'previous') {
    const stale = [...(previous?.keys() ?? [])].filter((p) => !keep.has(p)).sort();
    await mapLimit(stale, CONCURRENCY, (p) => rm(path.join(outDir, p), { force: true }));
    report.removed.push(...stale);
    // A conference whose talks all went leaves an empty folder; rmdir fails on any other.
    const dirs = new Set(stale.map((p) => path.dirname(path.join(outDir, p))));
    for (const dir of dirs) if (dir !== outDir) await rmdir(dir).catch(() => undefined);
  } else {
    await removeStale(outDir, '', keep, report.removed);
  }
  return report;
}

/** Returns `fn` of each item, in item order, with at most `limit` calls pending at once. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
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

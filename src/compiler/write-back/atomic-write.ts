import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Returns the SHA-256 (hex) of some bytes. Pure. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Thrown when a file no longer has the bytes a write was based on. */
export class ChangedOnDiskError extends Error {
  constructor(readonly current: Uint8Array) {
    super('Unexpected change on disk, expected the file the page was compiled from');
  }
}

/**
 * Writes `bytes` to `file` atomically (a temporary file in the same folder, then a rename), only
 * if the file still has the hash `expected` right before the rename; the file's mode is kept.
 * Throws `ChangedOnDiskError` (and writes nothing) when it changed, or the file system's error
 * (full, read-only…), after removing the temporary file.
 */
export async function writeIfUnchanged(
  file: string,
  expected: string,
  bytes: Uint8Array,
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = (await stat(file)).mode & 0o777;
  try {
    await writeFile(temp, bytes, { mode, flag: 'wx' });
    const current = await readFile(file);
    if (sha256(current) !== expected) throw new ChangedOnDiskError(current);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

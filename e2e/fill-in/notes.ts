import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The notes folder the fill-in tests' dev server compiles: a copy, never the shipped notes. */
export const FILL_IN_NOTES = path.resolve(import.meta.dirname, '../../e2e-tmp/fill-in-notes');
export const FILL_IN_DATA = path.resolve(import.meta.dirname, '../../e2e-tmp/fill-in-data');
const SHIPPED = path.resolve(import.meta.dirname, '../../notes/gopherchina-2017.md');

/** A small CRLF notes file with a BOM, an empty section and an empty bullet. */
export const CRLF_BOM = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    '# Windows notes 2019\r\n\r\n## 5/1\r\n\r\n### Saved on Windows\r\n\r\n- a first note\r\n\r\n#### Q&A\r\n\r\n### Second\r\n\r\n- point\r\n-\r\n',
  ),
]);

/** The pristine bytes of each notes file the tests write to (each test restores its own). */
export const FILES: Record<string, Buffer | string> = {
  'fill.md': SHIPPED,
  'crlf-bom.md': CRLF_BOM,
  'conflict.md':
    '# Conflict 2020\n\n## 6/1\n\n### Edited twice\n\n#### Notes\n\n### Other\n\n- x\n',
  'undo.md': '# Undo 2021\n\n## 7/1\n\n### To undo\n\n#### Idea\n\n### Other\n\n- x\n',
};

/**
 * Puts one notes file back as it was, in one step (a temporary file renamed over it), so that
 * the dev server never compiles it half written.
 */
export function restore(name: string): void {
  const source = FILES[name]!;
  const bytes =
    typeof source === 'string' && source.endsWith('.md') && !source.includes('\n')
      ? readFileSync(source)
      : source;
  writeAtOnce(path.join(FILL_IN_NOTES, name), bytes);
}

/** Writes a file through a temporary file and a rename. */
export function writeAtOnce(file: string, bytes: Buffer | string): void {
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}

/** Lays the notes folder anew, with a symlink that leads out of it (which must never be written). */
export function prepareNotes(): void {
  rmSync(FILL_IN_NOTES, { recursive: true, force: true });
  rmSync(FILL_IN_DATA, { recursive: true, force: true });
  mkdirSync(FILL_IN_NOTES, { recursive: true });
  for (const name of Object.keys(FILES)) restore(name);
  writeFileSync(path.resolve(FILL_IN_NOTES, '../outside.md'), '# Outside 2022\n\n## Talk\n\n- x\n');
  symlinkSync('../outside.md', path.join(FILL_IN_NOTES, 'link-out.md'));
}

if (process.argv[1] === import.meta.filename) prepareNotes();

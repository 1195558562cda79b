import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './contract.ts';
import { createDiagnostic } from './diagnostics.ts';

/** A notes file as text ready for parsing. */
export interface DecodedSource {
  /** UTF-8 text, BOM stripped, every CRLF / lone CR turned into LF (line numbers unchanged). */
  text: string;
  /** Whether the bytes started with a UTF-8 byte order mark. */
  bom: boolean;
}

export type DecodeResult =
  { ok: true; source: DecodedSource } | { ok: false; diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Returns the sorted `.md` files of a notes folder (recursively, skipping dot-folders and
 * node_modules), or `[target]` when the target is a file. Reads the file system; mutates nothing.
 */
export async function findNoteFiles(target: string): Promise<string[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [target];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      // A symlinked file counts too (a broken link is then reported as unreadable).
      else if (
        (entry.isFile() || entry.isSymbolicLink()) &&
        entry.name.toLowerCase().endsWith('.md')
      )
        found.push(full);
    }
  };
  await walk(target);
  // Code-unit order, not locale order: the same on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Returns the bytes of a file, or the error message when it cannot be read. Mutates nothing. */
export async function readNoteBytes(
  file: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  try {
    return { ok: true, bytes: await readFile(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: code };
  }
}

/**
 * Returns the decoded text (BOM stripped, line endings normalized to LF) or an error
 * diagnostic: at 1:1 for a UTF-16 byte order mark; for a file with a NUL byte (binary, or
 * UTF-16 without a mark) at its first NUL or bad byte; else at the line:col of the first byte
 * that is not valid UTF-8. Mutates nothing.
 */
export function decodeNotes(file: string, bytes: Uint8Array): DecodeResult {
  const fail = (line: number, column: number, message: string): DecodeResult => ({
    ok: false,
    diagnostic: createDiagnostic('error', file, line, column, message),
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const bom = `0x${hexByte(bytes[0])} 0x${hexByte(bytes[1])}`;
    return fail(
      1,
      1,
      `Unexpected UTF-16 byte order mark \`${bom}\`, expected UTF-8 text (save the file as UTF-8)`,
    );
  }
  // A NUL byte never appears in text notes: this is an image, an archive… with a .md name.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const offset = Math.min(nul, firstInvalidUtf8(bytes));
    const { line, column } = positionOfByte(bytes, offset);
    const what = offset === nul ? 'NUL byte' : `byte \`0x${hexByte(bytes[offset])}\``;
    return fail(
      line,
      column,
      `Unexpected ${what}, expected UTF-8 text: this looks like a binary file (or UTF-16 text), not notes`,
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, offset);
    return fail(
      line,
      column,
      `Unexpected byte \`0x${hexByte(bytes[offset])}\`, expected UTF-8 text (save the file as UTF-8)`,
    );
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, source: { text, bom } };
}

function hexByte(byte: number | undefined): string {
  return byte?.toString(16).toUpperCase().padStart(2, '0') ?? '';
}

/**
 * Returns an error diagnostic at the first NUL character of already decoded text, or null.
 * Mutates nothing.
 */
export function nulInText(file: string, text: string): Diagnostic | null {
  const at = text.indexOf('\u0000');
  if (at < 0) return null;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return createDiagnostic(
    'error',
    file,
    line,
    column,
    'Unexpected NUL character, expected text: this looks like a binary file (or UTF-16 text), not notes',
  );
}

/** Returns the offset of the first byte of the first invalid UTF-8 sequence (or bytes.length). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return n;
}

/** Returns the 1-based line and column (UTF-16 units, like mdast) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let prefix = new TextDecoder('utf-8', { ignoreBOM: false }).decode(
    bytes.subarray(lineStart, offset),
  );
  if (line === 1 && prefix.charCodeAt(0) === 0xfeff) prefix = prefix.slice(1);
  return { line, column: prefix.length + 1 };
}

/**
 * The dev server's fill-in endpoint (src/compiler/write-back/write-endpoint.ts), dev only: the
 * build never loads this module, so its URLs live here and not in `config/paths.ts`, whose
 * strings every build carries.
 */

/** Whether the page may write: the dev server's token, or why writing is off. */
export type WriteAccess = { token: string } | { off: string };

let access: WriteAccess | null | undefined;

/**
 * Returns the access the dev server handed this page, or null outside the dev server. Read once:
 * the page's meta tags do not change while it lives, and every gap marker asks.
 */
export function writeAccess(): WriteAccess | null {
  if (access !== undefined) return access;
  const token = document.querySelector<HTMLMetaElement>('meta[name="notes-write"]')?.content;
  const off = document.querySelector<HTMLMetaElement>('meta[name="notes-write-off"]')?.content;
  access = token ? { token } : off ? { off } : null;
  return access;
}

/** The token to write with, or null when this page may not write. */
export function writeToken(): string | null {
  const found = writeAccess();
  return found && 'token' in found ? found.token : null;
}

/** A range of lines of a notes file, as the page knows it. */
export interface NotesRange {
  file: string;
  start: number;
  end: number;
  /** SHA-256 of the file's bytes the page was compiled from. */
  hash: string;
}

export type WriteResult =
  | { ok: true; hash: string; start: number; end: number }
  | { ok: false; status: number; error: string; disk?: string; hash?: string };

const endpoint = (name: 'read' | 'write' | 'undo') => `${import.meta.env.BASE_URL}__notes/${name}`;

async function post(name: 'read' | 'write' | 'undo', token: string, body: object) {
  try {
    const response = await fetch(endpoint(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Notes-Token': token },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, json };
  } catch {
    return {
      status: 0,
      json: { error: 'The dev server did not answer: is `npm run dev` still running?' },
    };
  }
}

function failure(status: number, json: Record<string, unknown>): WriteResult {
  return {
    ok: false,
    status,
    error: typeof json.error === 'string' ? json.error : `The dev server answered ${status}.`,
    disk: typeof json.disk === 'string' ? json.disk : undefined,
    hash: typeof json.hash === 'string' ? json.hash : undefined,
  };
}

/** Returns the exact Markdown of a range, as on disk, if the file is still the one compiled. */
export async function readRange(
  token: string,
  range: NotesRange,
): Promise<{ ok: true; text: string } | Extract<WriteResult, { ok: false }>> {
  const { status, json } = await post('read', token, range);
  if (status === 200 && typeof json.text === 'string') return { ok: true, text: json.text };
  return failure(status, json) as Extract<WriteResult, { ok: false }>;
}

/** Replaces a range with `text` if the file is still the one compiled; returns the new hash. */
export async function writeRange(
  token: string,
  range: NotesRange,
  text: string,
): Promise<WriteResult> {
  const { status, json } = await post('write', token, { ...range, text });
  if (status === 200 && typeof json.hash === 'string')
    return { ok: true, hash: json.hash, start: Number(json.start), end: Number(json.end) };
  return failure(status, json);
}

/** Puts back the file as it was before the last fill-in, if nothing changed it since. */
export async function undoWrite(token: string, file: string, hash: string): Promise<WriteResult> {
  const { status, json } = await post('undo', token, { file, hash });
  if (status === 200 && typeof json.hash === 'string')
    return { ok: true, hash: json.hash, start: 0, end: 0 };
  return failure(status, json);
}

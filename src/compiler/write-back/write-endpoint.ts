import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ChangedOnDiskError, sha256, writeIfUnchanged } from './atomic-write.ts';
import { lineCount, readLines, replaceLines } from './replace-lines.ts';

/** Largest request body the endpoint reads. */
export const MAX_BODY = 1024 * 1024;

/** Paths of the endpoint, under the dev server's base. */
export const WRITE_PATHS = { read: '__notes/read', write: '__notes/write', undo: '__notes/undo' };

export interface WriteEndpointOptions {
  /** The notes folder (or file): nothing outside it is read or written. */
  notesRoot: string;
  /** The absolute path of a notes file the dev server compiled, by the path the page shows; null for any other. */
  resolveFile: (shown: string) => string | null;
  /** The secret the dev server hands its own pages. */
  token: string;
  /** Null when writing is on, else why it is off (served to the network without NOTES_WRITE=1). */
  off: string | null;
  /** How a file is written (default `writeIfUnchanged`); tests pass one that fails like a full disk. */
  write?: typeof writeIfUnchanged;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Returns the dev server's middleware that reads and writes a range of lines of a notes file:
 * POST only, JSON under 1 MiB, from the page's own origin, with the token; only files the dev
 * server compiled, inside the notes folder (symlinks resolved); a write lands only if the file
 * still has the bytes the page was compiled from, atomically, and can be undone once.
 */
export function writeEndpoint(base: string, options: WriteEndpointOptions): Handler {
  const previous = new Map<string, { bytes: Uint8Array; written: string }>();
  const routes = new Map(Object.entries(WRITE_PATHS).map(([k, p]) => [`${base}${p}`, k]));
  return (req, res, next) => {
    const route = routes.get((req.url ?? '').split('?')[0]!);
    if (!route) return next();
    handle(route, req, options, previous).then(
      (reply) => send(res, reply),
      (error: unknown) =>
        send(
          res,
          fail(
            500,
            `Unexpected error (${error instanceof Error ? error.message : String(error)}), expected the write to go through; nothing was written`,
          ),
        ),
    );
  };
}

async function handle(
  route: string,
  req: IncomingMessage,
  options: WriteEndpointOptions,
  previous: Map<string, { bytes: Uint8Array; written: string }>,
): Promise<Reply> {
  const refused = checkRequest(req, options);
  if (refused) return refused;
  const body = await readBody(req);
  if (typeof body === 'string')
    return fail(body.startsWith('Unexpected body larger') ? 413 : 400, body);
  const file = await resolve(body.file, options);
  if (typeof file !== 'string') return file;
  const hash = typeof body.hash === 'string' ? body.hash : '';
  const bytes = await readFile(file).catch(() => null);
  if (!bytes)
    return fail(409, 'Unexpected unreadable notes file, expected to read it; nothing was written');
  if (route === 'undo') return undo(file, hash, bytes, previous, options.write ?? writeIfUnchanged);
  const range = rangeOf(body, bytes);
  if (typeof range === 'string') return fail(400, range);
  if (sha256(bytes) !== hash) return changed(bytes, range);
  if (route === 'read')
    return { status: 200, body: { text: readLines(bytes, range.start, range.end), hash } };
  if (typeof body.text !== 'string')
    return fail(400, 'Unexpected request without `text`, expected the new Markdown');
  const next = replaceLines(bytes, range.start, range.end, body.text);
  try {
    await (options.write ?? writeIfUnchanged)(file, hash, next);
  } catch (error) {
    if (error instanceof ChangedOnDiskError) return changed(error.current, range);
    return fail(
      507,
      `Unexpected ${(error as NodeJS.ErrnoException).code ?? 'error'} writing the notes file, expected a writable disk; nothing was written`,
    );
  }
  const written = sha256(next);
  previous.set(file, { bytes, written });
  const lines = body.text.split(/\r\n|\r|\n/).length;
  return { status: 200, body: { hash: written, start: range.start, end: range.start + lines - 1 } };
}

/** Method, origin, content type, token and whether writing is on. */
function checkRequest(req: IncomingMessage, options: WriteEndpointOptions): Reply | null {
  if (req.method !== 'POST') return fail(405, `Unexpected \`${req.method}\`, expected POST`);
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const own = [`http://${req.headers.host}`, `https://${req.headers.host}`];
  if (!origin || !own.includes(origin) || (site && site !== 'same-origin'))
    return fail(
      403,
      `Unexpected origin \`${origin ?? 'none'}\`, expected this dev server's own pages`,
    );
  if (!String(req.headers['content-type']).startsWith('application/json'))
    return fail(415, 'Unexpected content type, expected application/json');
  const token = Buffer.from(String(req.headers['x-notes-token'] ?? ''));
  const expected = Buffer.from(options.token);
  if (token.length !== expected.length || !timingSafeEqual(token, expected))
    return fail(
      403,
      "Unexpected request without the dev server's token, expected one from its own page",
    );
  if (options.off) return fail(403, options.off);
  return null;
}

/** The absolute path of a file the page names, or a 403 when it is not a compiled notes file. */
async function resolve(shown: unknown, options: WriteEndpointOptions): Promise<string | Reply> {
  const refuse = fail(
    403,
    `Unexpected file \`${String(shown)}\`, expected a notes file of the notes folder`,
  );
  if (typeof shown !== 'string') return refuse;
  const file = options.resolveFile(shown);
  if (!file) return refuse;
  // A symlink that leads out of the notes folder is refused too.
  const [real, root] = await Promise.all([
    realpath(file).catch(() => null),
    realpath(options.notesRoot).catch(() => null),
  ]);
  if (!real || !root)
    return fail(409, 'Unexpected unreadable notes file, expected to read it; nothing was written');
  const rel = path.relative(root, real);
  const inside = rel === '' ? real === root : !rel.startsWith('..') && !path.isAbsolute(rel);
  return inside ? file : refuse;
}

function rangeOf(
  body: Record<string, unknown>,
  bytes: Uint8Array,
): { start: number; end: number } | string {
  const { start, end } = body;
  const count = lineCount(bytes);
  if (
    typeof start !== 'number' ||
    typeof end !== 'number' ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 1 ||
    end < start ||
    end > count
  )
    return `Unexpected range \`${String(start)}-${String(end)}\`, expected lines 1-${count} of the file`;
  return { start, end };
}

/** 409 with the range (and the next lines) as it is on disk now, for the conflict view. */
function changed(bytes: Uint8Array, range: { start: number; end: number }): Reply {
  const count = lineCount(bytes);
  const start = Math.min(range.start, count);
  return {
    status: 409,
    body: {
      error:
        'Unexpected change on disk since the page was compiled, expected the same file; nothing was written',
      // A few lines more: what changed may have pushed the part down.
      disk: readLines(bytes, start, Math.min(range.end + 5, count)),
      hash: sha256(bytes),
    },
  };
}

async function undo(
  file: string,
  hash: string,
  bytes: Uint8Array,
  previous: Map<string, { bytes: Uint8Array; written: string }>,
  write: typeof writeIfUnchanged,
): Promise<Reply> {
  const last = previous.get(file);
  if (!last || sha256(bytes) !== last.written || hash !== last.written)
    return fail(
      409,
      'Unexpected change since the fill-in, expected the file as it was written; nothing was undone',
    );
  try {
    await write(file, last.written, last.bytes);
  } catch (error) {
    if (error instanceof ChangedOnDiskError)
      return fail(
        409,
        'Unexpected change since the fill-in, expected the file as it was written; nothing was undone',
      );
    return fail(
      507,
      `Unexpected ${(error as NodeJS.ErrnoException).code ?? 'error'} writing the notes file, expected a writable disk; nothing was undone`,
    );
  }
  previous.delete(file);
  return { status: 200, body: { hash: sha256(last.bytes) } };
}

/** The JSON body (an object) or why it cannot be read. */
function readBody(req: IncomingMessage): Promise<Record<string, unknown> | string> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so that the answer still reaches the page.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY)
        return done(`Unexpected body larger than ${MAX_BODY} bytes, expected a smaller edit`);
      try {
        const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        done(
          value && typeof value === 'object' && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : 'Unexpected JSON, expected an object',
        );
      } catch {
        done('Unexpected body, expected JSON');
      }
    });
    req.on('error', () => done('Unexpected end of the request, expected a whole body'));
  });
}

function fail(status: number, error: string): Reply {
  return { status, body: { error } };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  res.statusCode = reply.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(reply.body));
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from './atomic-write.ts';
import { MAX_BODY, writeEndpoint, type WriteEndpointOptions } from './write-endpoint.ts';
import { fillInOff } from '../vite-plugin.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'notes-write-'));
const notes = path.join(temp, 'notes');
const file = path.join(notes, 'conf.md');
const TEXT = '# Conf 2020\n\n## 5/1\n\n### Talk\n\n#### Q&A\n';
const TOKEN = 'a'.repeat(48);
let server: Server;
let origin = '';
let options: WriteEndpointOptions;

beforeAll(async () => {
  mkdirSync(notes);
  options = {
    notesRoot: notes,
    token: TOKEN,
    off: null,
    resolveFile: (shown) => (shown === 'notes/conf.md' ? file : null),
  };
  const handler = writeEndpoint('/', {
    ...options,
    // Reads the options at request time, so a test can swap the writer or turn writing off.
    get write() {
      return options.write;
    },
    get off() {
      return options.off;
    },
  });
  server = createServer((req, res) => handler(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(temp, { recursive: true, force: true });
});
beforeEach(() => {
  writeFileSync(file, TEXT);
  options.write = undefined;
  options.off = null;
});

async function post(route: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/__notes/${route}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: origin,
      'X-Notes-Token': TOKEN,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const range = (extra: object = {}) => ({
  file: 'notes/conf.md',
  start: 7,
  end: 7,
  ...('hash' in extra ? {} : { hash: sha256(readFileSync(file)) }),
  ...extra,
});

describe('the fill-in endpoint', () => {
  it('reads a range and writes it, the rest of the file unchanged, then undoes it', async () => {
    expect(await post('read', range())).toEqual({
      status: 200,
      json: { text: '#### Q&A', hash: range().hash },
    });
    const written = await post('write', range({ text: '#### Q&A\n- why Go' }));
    expect(written.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(TEXT.replace('#### Q&A\n', '#### Q&A\n- why Go\n'));
    expect(written.json).toEqual({ hash: sha256(readFileSync(file)), start: 7, end: 8 });
    const undone = await post('undo', { file: 'notes/conf.md', hash: written.json.hash });
    expect(undone.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
  });

  it('refuses an unknown range, a stale hash and a file that became unreadable, writing nothing', async () => {
    expect((await post('write', range({ start: 7, end: 99, text: 'x' }))).json.error).toMatch(
      /^Unexpected range `7-99`, expected lines 1-8/,
    );
    const stale = await post('write', range({ hash: 'f'.repeat(64), text: 'x' }));
    expect(stale).toMatchObject({ status: 409, json: { disk: '#### Q&A\n' } });
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
    const hash = range().hash;
    unlinkSync(file);
    expect((await post('write', range({ hash, text: 'x' }))).status).toBe(409);
  });

  it('says when the disk is full or read-only, and the file stays as it was', async () => {
    for (const code of ['ENOSPC', 'EROFS']) {
      options.write = () => Promise.reject(Object.assign(new Error(code), { code }));
      const reply = await post('write', range({ text: 'x' }));
      expect(reply.status).toBe(507);
      expect(reply.json.error).toMatch(new RegExp(`^Unexpected ${code} writing the notes file`));
      expect(readFileSync(file, 'utf8')).toBe(TEXT);
    }
  });

  it('takes only POST with JSON under 1 MiB, from its own origin, with the token', async () => {
    expect((await fetch(`${origin}/__notes/write`)).status).toBe(405);
    expect((await post('write', range({ text: 'x' }), { 'X-Notes-Token': '' })).status).toBe(403);
    expect(
      (await post('write', range({ text: 'x' }), { Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(
      (await post('write', range({ text: 'x' }), { 'Content-Type': 'text/plain' })).status,
    ).toBe(415);
    expect((await post('write', range({ text: 'x'.repeat(MAX_BODY) }))).status).toBe(413);
    expect((await post('write', '{not json')).status).toBe(400);
    expect((await post('write', range({ file: '../etc/passwd', text: 'x' }))).status).toBe(403);
    options.off = 'Filling in from the reader is off (NOTES_WRITE=0).';
    expect(await post('write', range({ text: 'x' }))).toEqual({
      status: 403,
      json: { error: options.off },
    });
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
  });
});

describe('fillInOff', () => {
  it('is on for a local dev server, off on the network unless NOTES_WRITE=1, off with NOTES_WRITE=0', () => {
    const saved = process.env.NOTES_WRITE;
    delete process.env.NOTES_WRITE;
    expect(fillInOff(undefined)).toBeNull();
    expect(fillInOff('127.0.0.1')).toBeNull();
    expect(fillInOff(true)).toMatch(/open to the network \(--host\)\. Set NOTES_WRITE=1/);
    expect(fillInOff('0.0.0.0')).not.toBeNull();
    process.env.NOTES_WRITE = '1';
    expect(fillInOff(true)).toBeNull();
    process.env.NOTES_WRITE = '0';
    expect(fillInOff(undefined)).toMatch(/off \(NOTES_WRITE=0\)/);
    if (saved === undefined) delete process.env.NOTES_WRITE;
    else process.env.NOTES_WRITE = saved;
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkVersion, DataError, fetchJson } from './data-error';

function respond(body: string, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );
}

const ok = () => null;

describe('fetchJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('parses JSON', async () => {
    respond('{"version":1}');
    await expect(fetchJson('/x.json', ok)).resolves.toEqual({ version: 1 });
  });

  it('types every failure', async () => {
    respond('', 404);
    await expect(fetchJson('/x.json', ok)).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    respond('oops', 503);
    await expect(fetchJson('/x.json', ok)).rejects.toMatchObject({ kind: 'server', status: 503 });
    respond('{"version": 1, "conf');
    await expect(fetchJson('/x.json', ok)).rejects.toMatchObject({ kind: 'corrupt' });
    // A static host's index.html fallback instead of the data file.
    respond('<!doctype html><html></html>');
    await expect(fetchJson('/x.json', ok)).rejects.toMatchObject({ kind: 'not-found' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(fetchJson('/x.json', ok)).rejects.toBeInstanceOf(DataError);
    await expect(fetchJson('/x.json', ok)).rejects.toMatchObject({ kind: 'network' });
  });

  it('reports a shape problem as corrupt with the check message', async () => {
    respond('{"version":2}');
    await expect(fetchJson('/x.json', (v) => checkVersion(v, 1))).rejects.toThrow(
      'Unexpected data version `2`, expected `1` (run `npm run data`) in /x.json',
    );
  });
});

describe('checkVersion', () => {
  it('accepts the expected version only, on an object', () => {
    expect(checkVersion({ version: 1 }, 1)).toBeNull();
    expect(checkVersion([], 1)).toBe('Unexpected `array`, expected an object');
    expect(checkVersion(null, 1)).toBe('Unexpected `null`, expected an object');
    expect(checkVersion({}, 1)).toContain('Unexpected data version `undefined`');
  });
});

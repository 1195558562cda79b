import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataFiles } from './write.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'write-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeDataFiles with what it wrote before', () => {
  it('writes changed files without reading them, and folders removed meanwhile again', async () => {
    const out = path.join(tmp, 'out');
    const first = [
      { path: 'index.json', content: '{"a":1}' },
      { path: 'conf/talk.json', content: '{"t":1}' },
    ];
    await writeDataFiles(out, first);
    const previous = new Map(first.map((f) => [f.path, f.content]));
    // Someone put the new bytes there already: `previous` says otherwise, so it writes them.
    writeFileSync(path.join(out, 'index.json'), '{"a":2}');
    rmSync(path.join(out, 'conf'), { recursive: true });
    const report = await writeDataFiles(
      out,
      [
        { path: 'index.json', content: '{"a":2}' },
        { path: 'conf/talk.json', content: '{"t":2}' },
      ],
      { previous },
    );
    expect(report.written.sort()).toEqual(['conf/talk.json', 'index.json']);
    expect(readFileSync(path.join(out, 'conf/talk.json'), 'utf8')).toBe('{"t":2}');
    expect(readFileSync(path.join(out, 'index.json'), 'utf8')).toBe('{"a":2}');
  });
});

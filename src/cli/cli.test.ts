import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const temp = mkdtempSync(path.join(os.tmpdir(), 'notes-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(command: 'data' | 'gaps', ...args: string[]) {
  const result = spawnSync(tsx, [path.join(root, `src/compiler/cli/${command}.ts`), ...args], {
    cwd: temp,
    encoding: 'utf8',
    env: { ...process.env, NOTES_DIR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line (`    at fn (file:1:2)`) must never reach the user. */
const STACK = /^\s+at /m;

describe('the data and gaps commands on bad input', () => {
  it('say a missing notes path is missing, exit 1, no stack trace', () => {
    for (const command of ['data', 'gaps'] as const) {
      const out = command === 'data' ? ['--out', 'out'] : [];
      const { code, stderr } = run(command, '--notes', '/nonexistent/notes', ...out);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(`^${command}: .*nonexistent/notes: Unexpected missing notes folder, expected`),
      );
      expect(stderr).not.toMatch(STACK);
    }
  });

  it('report a binary and an unreadable file as file:line:col, publish the rest, exit 1', () => {
    const notes = path.join(temp, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'good.md'), '# Good 2017\n\n## 4/15\n\n### Talk\n\n- note\n');
    writeFileSync(path.join(notes, 'image.md'), Buffer.from('89504e470d0a1a0a0000000d', 'hex'));
    symlinkSync(path.join(temp, 'nowhere.md'), path.join(notes, 'broken-link.md'));

    const { code, stderr, stdout } = run('data', '--notes', 'notes', '--out', 'out');
    expect(code).toBe(1);
    expect(stderr).not.toMatch(STACK);
    expect(stderr).toContain(
      'notes/image.md:1:1: error: Unexpected byte `0x89`, expected UTF-8 text: this looks like a binary file',
    );
    expect(stderr).toContain(
      'notes/broken-link.md:1:1: error: Unexpected unreadable file (ENOENT), expected a readable UTF-8 notes file',
    );
    expect(stdout).toContain('1 conference(s), 1 talks: 1 complete');
    const index = JSON.parse(readFileSync(path.join(temp, 'out/index.json'), 'utf8')) as {
      conferences: { file: string }[];
    };
    expect(index.conferences.map((c) => c.file)).toEqual(['notes/good.md']);
  });

  it('name a wrong flag and exit 2', () => {
    const { code, stderr } = run('data', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toBe('data: Unexpected `--bogus`, expected one of `--notes`, `--out`\n');
  });

  it('explain, per file, how the talks were found and which front-matter line would change it', () => {
    const notes = path.join(temp, 'explain');
    mkdirSync(notes);
    const talk = (title: string) =>
      `## ${title}\n\n### Keynotes\n\n- point\n\n### Q&A\n\n- answer\n\n`;
    writeFileSync(
      path.join(notes, 'conf.md'),
      `# Conf 2023\n\n${talk('One')}${talk('Two')}${talk('Three')}`,
    );
    writeFileSync(path.join(notes, 'jottings.md'), 'met Ana at the booth\nask about GC\n');
    const { code, stdout } = run('gaps', '--notes', notes, '--explain');
    expect(code).toBe(0);
    expect(stdout).toContain('talks: `##` headings, 3');
    expect(stdout).toContain('`### Keynotes` repeats 3× → a section of each talk');
    expect(stdout).toContain('`talks: "###"` would list');
    expect(stdout).toMatch(/jottings\.md\n {2}days: none.*\n {2}talks: none found/s);
    expect(stdout).toContain('No talks found: start each talk with a `## Talk title` heading line');
  });
});

import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/conference-notes.mjs');
const temp = mkdtempSync(path.join(os.tmpdir(), 'notes-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const version = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/**
 * A person's environment: this one without the variables that would change what the bin does:
 * Vitest's (`VITEST` turns the notes plugin off, NODE_ENV=test), the notes folder, the base.
 */
const PERSON: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => key.startsWith('VITEST') || key === 'NODE_ENV')
      .map((key) => [key, undefined]),
  ),
  NOTES_DIR: '',
  BASE_PATH: '',
};

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin as a person would (`node bin/conference-notes.mjs …`) in `cwd`; never rejects. */
function run(args: string[], cwd = temp, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, ...PERSON, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A folder in the temp folder with the given notes files (name → Markdown). */
function notesFolder(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const COMPLETE = '# Done 2017\n\n## 4/15\n\n### Talk\n\n- a note\n';
const WITH_GAP = '# Gappy 2018\n\n## 5/20\n\n### Talk\n\n- TODO\n';

/** A stack trace line (`    at fn (file:1:2)`) must never reach the user. */
const STACK = /^\s+at /m;

// Each run starts Node and tsx (most of a second): runs that do not depend on each other go
// side by side.
describe('conference-notes --help, --version and usage errors', { timeout: 30_000 }, () => {
  it('prints the version', async () => {
    for (const flag of ['--version', '-v']) {
      expect(await run([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('lists the commands, options, examples and exit codes', async () => {
    const [main, help] = await Promise.all([run(['--help']), run(['help'])]);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Usage: conference-notes <command> [folder] [options]');
    for (const command of ['dev [folder]', 'build [folder]', 'preview [site]', 'gaps', 'data'])
      expect(main.stdout).toMatch(
        new RegExp(`^  ${command.replace(/[[\]]/g, '\\$&')}\\s+\\S`, 'm'),
      );
    expect(main.stdout).toContain('conference-notes dev ~/notes');
    expect(main.stdout).toMatch(/Exit codes:\n {2}0 +done\n {2}1 .*--strict.*\n {2}2 +wrong usage/);
    expect(help.stdout).toBe(main.stdout);
  });

  it('gives each command a help of its own: usage, options, two examples, exit codes', async () => {
    const commands = ['dev', 'build', 'preview', 'gaps', 'data'];
    const helps = await Promise.all(commands.map((command) => run([command, '--help'])));
    for (const [i, { code, stdout, stderr }] of helps.entries()) {
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(
        new RegExp(`^Usage: conference-notes ${commands[i]} \\[\\w+\\] \\[options\\]\n`),
      );
      expect(stdout).toContain('-h, --help');
      expect(stdout.match(/^ {2}conference-notes /gm)).toHaveLength(2);
      // Lines wrap at 80 columns, under their own column.
      expect(stdout).toMatch(
        /Exit codes:\n {2}0 +\S.*\n {2}1 +\S.*\n( {5}\S.*\n)* {2}2 +wrong usage/,
      );
    }
    const [short, word] = await Promise.all([run(['build', '-h']), run(['help', 'build'])]);
    expect(short.stdout).toBe(helps[1]!.stdout);
    expect(word.stdout).toBe(helps[1]!.stdout);
    expect(helps[1]!.stdout).toMatch(/--out <dir> +folder to write the site to/);
    expect(helps[3]!.stdout).toMatch(/--strict +exit 1 while anything/);
  });

  it('names the closest option to a misspelt one, and exits 2', async () => {
    const [json, out, version, far] = await Promise.all([
      run(['gaps', '--jsno']),
      run(['build', '--outdir', 'site']),
      run(['--verison']),
      run(['data', '--bogus']),
    ]);
    expect(json).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'conference-notes gaps: Unexpected `--jsno`, expected `--json`\nRun `conference-notes gaps --help` for usage.\n',
    });
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toMatch(
      /^conference-notes build: Unexpected `--outdir`, expected `--out`\n/,
    );
    expect(version.stderr).toMatch(
      /^conference-notes: Unexpected `--verison`, expected `--version`\n/,
    );
    // Nothing close: the whole list.
    expect(far.stderr).toMatch(
      /^conference-notes data: Unexpected `--bogus`, expected one of `--out`, `--notes`, `--help`\n/,
    );
  });

  it('names the closest command to a misspelt one, and exits 2', async () => {
    const [misspelt, none] = await Promise.all([run(['biuld', 'notes']), run([])]);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toMatch(
      /^conference-notes: Unexpected command `biuld`, expected `build`\n/,
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: conference-notes <command>');
  });

  it('exits 2 on a missing value, a value too many, two folders or a bad port or base', async () => {
    const notes = notesFolder('usage', { 'a.md': COMPLETE });
    const cases: [string[], RegExp][] = [
      [['data', '--out'], /Unexpected end of arguments after `--out`, expected <dir>/],
      [['data', '--out', '--notes', notes], /Unexpected `--notes` after `--out`, expected <dir>/],
      [['gaps', '--json=yes'], /Unexpected `--json=yes`, expected `--json` with no value/],
      [['gaps', notes, 'other'], /Unexpected `other` after `.*usage`, expected one folder/],
      [
        ['gaps', notes, '--notes', notes],
        /Unexpected `--notes .*`, expected the notes folder once/,
      ],
      [['dev', notes, '--port', 'http'], /Unexpected `--port http`, expected a port number/],
      [['build', notes, '--base', 'sub'], /Unexpected `--base sub`, expected a path from the/],
      [['build', notes, '--out', '.'], /Unexpected `--out \.`: it holds the current folder/],
      [['build', notes, '--out', notes], /Unexpected `--out .*`: it holds the notes/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    for (const [i, { code, stderr }] of results.entries()) {
      const [args, message] = cases[i]!;
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
  });

  it('refuses to empty a folder with other files into which to build, exit 2', async () => {
    const notes = notesFolder('refuse', { 'a.md': COMPLETE });
    const site = path.join(temp, 'not-a-site');
    mkdirSync(site);
    writeFileSync(path.join(site, 'thesis.tex'), 'keep me');
    const { code, stderr } = await run(['build', notes, '--out', site]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'with other files in it, expected an empty folder or a site built before',
    );
    expect(existsSync(path.join(site, 'thesis.tex'))).toBe(true);
  });
});

describe('conference-notes gaps and data: exit codes', { timeout: 30_000 }, () => {
  it('gaps: 0 with gaps left, 1 with --strict, 0 with --strict when none is left', async () => {
    const notes = notesFolder('exit', { 'done.md': COMPLETE, '2018/gappy.md': WITH_GAP });
    const [loose, strict, done] = await Promise.all([
      run(['gaps', notes]),
      run(['gaps', notes, '--strict']),
      run(['gaps', path.join(notes, 'done.md'), '--strict']),
    ]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('2 talks: 1 complete, 0 partial, 1 empty (2 gaps)');
    expect(strict.code).toBe(1);
    expect(done).toEqual({
      code: 0,
      stdout: '1 talk: 1 complete, 0 partial, 0 empty (0 gaps)\n',
      stderr: '',
    });
  });

  it('gaps shows paths a terminal opens: relative inside the current folder, else absolute', async () => {
    const notes = notesFolder('terminal', { '2018/gappy.md': WITH_GAP });
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'notes-cwd-'));
    try {
      const [inside, below, json] = await Promise.all([
        run(['gaps'], notes),
        run(['gaps', '--notes', 'terminal'], temp),
        run(['gaps', notes, '--json'], elsewhere),
      ]);
      expect(inside.stdout).toMatch(/^2018\/gappy\.md:7:3 {2}todo {2}Talk$/m);
      expect(below.stdout).toMatch(/^terminal\/2018\/gappy\.md:7:3 /m);
      const report = JSON.parse(json.stdout) as { conferences: { file: string }[] };
      expect(report.conferences[0]!.file).toBe(path.join(notes, '2018/gappy.md'));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('default to $NOTES_DIR, else ./notes when it exists, else the current folder', async () => {
    const project = notesFolder('project', { 'notes/inside.md': WITH_GAP, 'top.md': COMPLETE });
    const plain = notesFolder('plain', { 'top.md': WITH_GAP });
    const [inNotes, inPlain, fromEnv] = await Promise.all([
      run(['gaps'], project),
      run(['gaps'], plain),
      run(['gaps'], plain, { NOTES_DIR: path.join(project, 'top.md') }),
    ]);
    expect(inNotes.stdout).toMatch(/^notes\/inside\.md:7:3 /m);
    expect(inPlain.stdout).toMatch(/^top\.md:7:3 /m);
    expect(fromEnv.stdout).toBe('1 talk: 1 complete, 0 partial, 0 empty (0 gaps)\n');
  });

  it('say a missing notes path is missing, exit 1, no stack trace', async () => {
    const commands = ['data', 'gaps', 'build', 'dev'];
    const results = await Promise.all(commands.map((c) => run([c, '/nonexistent/notes'])));
    for (const [i, { code, stderr }] of results.entries()) {
      const command = commands[i];
      expect({ command, code }).toEqual({ command, code: 1 });
      expect(stderr).toBe(
        `conference-notes ${command}: /nonexistent/notes: Unexpected missing notes folder, expected a folder of .md files or one .md file\n`,
      );
    }
    expect((await run(['preview', 'nowhere'])).stderr).toBe(
      'conference-notes preview: nowhere: Unexpected folder without index.html, expected a site written by `conference-notes build`\n',
    );
  });

  it('report a binary and an unreadable file as file:line:col, publish the rest, exit 1', async () => {
    const notes = notesFolder('notes', { 'good.md': COMPLETE });
    writeFileSync(path.join(notes, 'image.md'), Buffer.from('89504e470d0a1a0a0000000d', 'hex'));
    symlinkSync(path.join(temp, 'nowhere.md'), path.join(notes, 'broken-link.md'));

    const results = await Promise.all([
      run(['data', '--notes', 'notes', '--out', 'out']),
      run(['gaps', 'notes']),
    ]);
    for (const { code, stderr, stdout } of results) {
      expect(code).toBe(1);
      expect(stderr).not.toMatch(STACK);
      expect(stderr).toContain(
        'notes/image.md:1:1: error: Unexpected byte `0x89`, expected UTF-8 text: this looks like a binary file',
      );
      expect(stderr).toContain(
        'notes/broken-link.md:1:1: error: Unexpected unreadable file (ENOENT), expected a readable UTF-8 notes file',
      );
      expect(stdout).toMatch(/^1 (conference\(s\), 1 )?talks?: 1 complete/m);
    }
    // The data names files relative to the notes folder, as the reader shows them.
    const index = JSON.parse(readFileSync(path.join(temp, 'out/index.json'), 'utf8')) as {
      conferences: { file: string }[];
      diagnostics: { file: string }[];
    };
    expect(index.conferences.map((c) => c.file)).toEqual(['good.md']);
    expect(index.diagnostics.map((d) => d.file).sort()).toEqual(['broken-link.md', 'image.md']);
  });

  it('explain, per file, how the talks were found and which front-matter line would change it', async () => {
    const talk = (title: string) =>
      `## ${title}\n\n### Keynotes\n\n- point\n\n### Q&A\n\n- answer\n\n`;
    const notes = notesFolder('explain', {
      'conf.md': `# Conf 2023\n\n${talk('One')}${talk('Two')}${talk('Three')}`,
      'jottings.md': 'met Ana at the booth\nask about GC\n',
    });
    const { code, stdout } = await run(['gaps', '--notes', notes, '--explain']);
    expect(code).toBe(0);
    expect(stdout).toContain('talks: `##` headings, 3');
    expect(stdout).toContain('`### Keynotes` repeats 3× → a section of each talk');
    expect(stdout).toContain('`talks: "###"` would list');
    expect(stdout).toMatch(/jottings\.md\n {2}days: none.*\n {2}talks: none found/s);
    expect(stdout).toContain('No talks found: start each talk with a `## Talk title` heading line');
  });
});

describe('conference-notes build and dev: a site, a server', { timeout: 120_000 }, () => {
  it('build writes the site despite errors in the notes, and exits 1', async () => {
    const notes = notesFolder('build-errors', { 'good.md': COMPLETE });
    writeFileSync(path.join(notes, 'image.md'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const { code, stdout, stderr } = await run(['build', notes, '--out', 'site', '--base', '/n']);
    expect(stderr).toMatch(/^build-errors\/image\.md:1:1: error: Unexpected byte `0x89`/m);
    expect(stdout).toContain('site: site (served from /n/)');
    expect(code).toBe(1);
    const page = readFileSync(path.join(temp, 'site/good/talk.html'), 'utf8');
    expect(page).toContain('src="/n/assets/');
    const index = readFileSync(path.join(temp, 'site/data/index.json'), 'utf8');
    expect(JSON.parse(index)).toMatchObject({ conferences: [{ file: 'good.md' }] });
    expect(index).not.toContain(temp);
  });

  it('dev serves the notes until stopped, then exits 0 and leaves no data behind', async () => {
    const notes = notesFolder('dev', { 'good.md': COMPLETE });
    const port = 40_000 + (process.pid % 10_000);
    const child = spawn(process.execPath, [bin, 'dev', notes, '--port', String(port)], {
      cwd: temp,
      env: { ...process.env, ...PERSON },
    });
    let output = '';
    // Vite colours its output where it thinks a person reads it (and under CI=true).
    child.stdout.on(
      'data',
      (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString())),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => output, { timeout: 60_000 }).toContain(`:${port}/`);
    const data = /→ (\S+) in \d+ ms/.exec(output)?.[1];
    expect(data && existsSync(path.join(data, 'index.json'))).toBe(true);
    const index = (await (await fetch(`http://localhost:${port}/data/index.json`)).json()) as {
      conferences: { file: string }[];
    };
    expect(index.conferences.map((c) => c.file)).toEqual(['good.md']);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(data!)).toBe(false);
  });
});

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateConference } from '../bench/generate-corpus.ts';
import { compileNotes, writeData } from './compile-notes.ts';
import type { NotesIndex } from './contract.ts';
import { DataBuild } from './incremental.ts';
import { searchIndexPlugin } from './search-index.ts';

const here = import.meta.dirname;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'data-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file of a folder, by path relative to it. */
function contents(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** The data of a notes folder made the plain way: one thread, the search index parsing each talk. */
async function reference(notes: string, name: string): Promise<Map<string, string>> {
  const out = path.join(tmp, name);
  const compiled = await compileNotes(notes, { baseDir: tmp, workers: 0 });
  await writeData(out, compiled, { plugins: [searchIndexPlugin] });
  return contents(out);
}

/** A notes folder: every fixture input, the shipped notes, and a second conference. */
function notesFolder(name: string): string {
  const notes = path.join(tmp, name);
  cpSync(path.join(here, 'fixtures'), path.join(notes, 'fixtures'), { recursive: true });
  cpSync(
    path.join(here, '../../notes/gopherchina-2017.md'),
    path.join(notes, 'gopherchina-2017.md'),
  );
  writeFileSync(
    path.join(notes, 'second.md'),
    '# Second 2018\n\n## 5/1\n\n### Talk one\n\n- 全局唯一的 id\n\t- nested\n\n### Talk two\n\n-\n',
  );
  return notes;
}

/** Inserts lines in the middle of the shipped notes and renames a talk: a typical edit. */
function edit(file: string, n: number): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.splice(Math.floor(lines.length / 2), 0, '', `- 新的一條 note ${n}`, '');
  writeFileSync(file, lines.join('\n').replace('### Go in TiDB', `### Go in TiDB (${n})`));
}

describe('DataBuild', () => {
  it(
    'builds in worker threads or this one, search index alongside, the same bytes as one thread',
    { timeout: 300_000 },
    async () => {
      const notes = notesFolder('notes-a');
      const expected = await reference(notes, 'ref-a');
      const out = path.join(tmp, 'out-a');
      const build = new DataBuild({ outDir: out, baseDir: tmp, searchIndex: true, workers: 2 });
      const result = await build.build(notes);
      expect(contents(out)).toEqual(expected);
      expect(result.report.written).toHaveLength(expected.size);
      expect(result.timings).toMatchObject({ workers: 2, searchAlongside: true });

      // This thread compiling, the search index in another.
      const main = path.join(tmp, 'out-a-main');
      const alone = new DataBuild({
        outDir: main,
        baseDir: tmp,
        searchIndex: true,
        workers: 0,
        searchThread: true,
      });
      const built = await alone.build(notes);
      expect(built.timings).toMatchObject({ workers: 0, searchAlongside: true });
      expect(contents(main)).toEqual(expected);
      // The talk files the search index's thread wrote ahead count as written once.
      expect(built.report.written.toSorted()).toEqual([...expected.keys()].toSorted());
      expect(built.report.unchanged).toEqual([]);
    },
  );

  it(
    'falls back to the plain search index when a conference slug guess fails',
    { timeout: 300_000 },
    async () => {
      // `b/a.md` wants `a`, taken by `a.md`; `a-1` is `c/a-1.md`'s own, so it gets `a-2`: the
      // indexer, seeing `a.md` and `b/a.md` only, guesses `a-1`.
      const notes = path.join(tmp, 'notes-slugs');
      for (const [file, title] of [
        ['a.md', 'A'],
        ['b/a.md', 'B'],
        ['c/a-1.md', 'C'],
      ] as const) {
        mkdirSync(path.dirname(path.join(notes, file)), { recursive: true });
        writeFileSync(path.join(notes, file), `# ${title}\n\n## 4/15\n\n### Talk\n\n- 一條 note\n`);
      }
      const expected = await reference(notes, 'ref-slugs');
      const out = path.join(tmp, 'out-slugs');
      const build = new DataBuild({ outDir: out, baseDir: tmp, searchIndex: true, workers: 2 });
      const result = await build.build(notes);
      expect(result.index.conferences.map((c) => c.slug)).toEqual(['a', 'a-2', 'a-1']);
      expect(result.timings).toMatchObject({ workers: 2, searchAlongside: false });
      expect(contents(out)).toEqual(expected);
    },
  );

  it('updates one file at a time to the bytes of a fresh build', { timeout: 300_000 }, async () => {
    const notes = notesFolder('notes-b');
    const out = path.join(tmp, 'out-b');
    const build = new DataBuild({ outDir: out, baseDir: tmp, searchIndex: true });
    await build.build(notes);
    const shipped = path.join(notes, 'gopherchina-2017.md');

    for (let n = 0; n < 3; n++) {
      edit(shipped, n);
      const result = await build.update(shipped);
      // Talk files and index are current; the search index is the previous one until refreshed.
      const expected = await reference(notes, `ref-b${n}`);
      const actual = contents(out);
      const searchFile = (JSON.parse(actual.get('index.json')!) as NotesIndex).searchFile!;
      expect(actual.has(searchFile)).toBe(true);
      expect(result.index.searchFile).toBe(searchFile);
      for (const [file, content] of expected) {
        if (file.startsWith('search/') || file === 'index.json') continue;
        expect(actual.get(file), file).toBe(content);
      }
      expect(build.pluginsStale).toBe(true);
      await build.refreshPlugins();
      expect(contents(out)).toEqual(expected);
    }

    // A file removed, then one added.
    rmSync(path.join(notes, 'second.md'));
    await build.update(path.join(notes, 'second.md'), { removed: true });
    await build.refreshPlugins();
    expect(contents(out)).toEqual(await reference(notes, 'ref-removed'));
    writeFileSync(path.join(notes, 'third.md'), '# Third\n\n### Only talk\n\n- 壓縮\n');
    await build.update(path.join(notes, 'third.md'));
    await build.refreshPlugins();
    expect(contents(out)).toEqual(await reference(notes, 'ref-added'));
  });

  it.each(['packed', 'live'] as const)(
    'gives after random edits the bytes of a fresh build (pieces kept %s)',
    { timeout: 600_000 },
    async (keepParsed) => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(randomEdits, async (changes) => {
          const name = `notes-${keepParsed}-${run}`;
          const notes = path.join(tmp, name);
          mkdirSync(notes, { recursive: true });
          const files = [path.join(notes, 'generated.md'), path.join(notes, 'shipped.md')];
          writeFileSync(files[0]!, generateConference(run, 12).text);
          cpSync(path.join(here, '../../notes/gopherchina-2017.md'), files[1]!);
          const out = path.join(tmp, `out-${name}`);
          const build = new DataBuild({ outDir: out, baseDir: tmp, searchIndex: true, keepParsed });
          await build.build(notes);
          for (const [n, change] of changes.entries()) {
            const file = files[change.file % files.length]!;
            writeFileSync(file, applyEdit(readFileSync(file, 'utf8'), change));
            await build.update(file);
            await build.refreshPlugins();
            expect(contents(out)).toEqual(await reference(notes, `ref-${name}-${n}`));
          }
          run++;
        }),
        { numRuns: 6 },
      );
    },
  );
});

/** Lines an edit inserts or puts instead of another: notes, and what may join or split blocks. */
const editLine = fc.constantFrom(
  '',
  '- 一條新的 note',
  '\t- nested [link](https://a.example)',
  '### A new talk',
  '## 5/2',
  '#### Section',
  '```',
  '> quote',
  '<!--',
  '-->',
  '[ref]: https://a.example',
  'see [ref] and [^n]',
  '[^n]: a footnote',
  '---',
  '1. numbered',
);

/** A series of edits, each to one of the files: insert, delete or replace some lines at one place. */
const randomEdits = fc.array(
  fc.record({
    file: fc.nat(),
    at: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    lines: fc.array(editLine, { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 4 },
);

/** Returns the text with one edit of `randomEdits` applied. Pure. */
function applyEdit(
  text: string,
  change: { at: number; kind: string; lines: readonly string[] },
): string {
  const lines = text.split('\n');
  const at = change.at % (lines.length + 1);
  const removed = change.kind === 'insert' ? 0 : change.lines.length;
  lines.splice(at, removed, ...(change.kind === 'delete' ? [] : change.lines));
  return lines.join('\n');
}

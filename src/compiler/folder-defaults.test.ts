import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileNotes } from './compile-notes.ts';
import { parseDefaults } from './folder-defaults.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'notes-defaults-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BOLD_NOTES = '# Meetup\n\n**Talk one**\n\n- a note\n\n**Talk two**\n\n- another\n';

describe('folder defaults (conference-notes.yml)', () => {
  it('set `talks:` for every file of the folder that does not set its own', async () => {
    writeFileSync(path.join(temp, 'conference-notes.yml'), 'talks: bold\n');
    writeFileSync(path.join(temp, 'a.md'), BOLD_NOTES);
    writeFileSync(path.join(temp, 'b.md'), `---\ntalks: file\n---\n${BOLD_NOTES}`);
    const [a, b] = await compileNotes(temp, { baseDir: temp, workers: 0 });
    expect(a!.days.flatMap((d) => d.talks.map((t) => t.title))).toEqual(['Talk one', 'Talk two']);
    expect(b!.days.flatMap((d) => d.talks.map((t) => t.title))).toEqual(['Meetup']);
    expect(a!.explain.decisions).toContain(
      'talks: bold lines, as set in the front matter or conference-notes.yml',
    );
  });

  it('warn at conference-notes.yml:line:col about a value they cannot use', () => {
    const { defaults, diagnostics } = parseDefaults(
      'notes/conference-notes.yml',
      'days: "##"\ntalks: sometimes\n',
    );
    expect(defaults).toEqual({ day: 'h2' });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'notes/conference-notes.yml',
        line: 2,
        column: 8,
        message: expect.stringMatching(/^Unexpected `talks: sometimes`, expected /),
      }),
    ]);
  });
});

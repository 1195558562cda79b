import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import type { CompiledFile } from './model.ts';

/**
 * The shapes real notes have (issue 9): each `fixtures/shape-*` folder holds `input.md` and
 * `talks.txt`, the listing a careful reader would make: `title: …`, `@ day` lines, `- talk`
 * lines under them, `~ part` lines for titled parts that are not talks.
 */
const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const shapes = readdirSync(fixturesDir)
  .filter((name) => existsSync(path.join(fixturesDir, name, 'talks.txt')))
  .sort();

interface Listing {
  title: string;
  /** `day › talk` pairs. */
  talks: string[];
  asides: string[];
}

/** Reads a `talks.txt` listing. */
function expectedListing(text: string): Listing {
  const listing: Listing = { title: '', talks: [], asides: [] };
  let day = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (line.startsWith('title:')) listing.title = line.slice(6).trim();
    else if (line.startsWith('@')) day = line.slice(1).trim();
    else if (line.startsWith('- ')) listing.talks.push(`${day} › ${line.slice(2).trim()}`);
    else if (line.startsWith('~ ')) listing.asides.push(line.slice(2).trim());
  }
  return listing;
}

function foundListing(compiled: CompiledFile): Listing {
  return {
    title: compiled.title,
    talks: compiled.days.flatMap((d) => d.talks.map((t) => `${d.label} › ${t.title}`)),
    asides: compiled.asides.map((a) => a.title),
  };
}

describe('shapes of real notes', () => {
  const totals = { found: 0, expected: 0, right: 0 };
  for (const name of shapes) {
    it(`${name} lists the talks a careful reader would`, () => {
      const dir = path.join(fixturesDir, name);
      const want = expectedListing(readFileSync(path.join(dir, 'talks.txt'), 'utf8'));
      const got = foundListing(compileSource('input.md', readFileSync(path.join(dir, 'input.md'))));
      totals.found += got.talks.length;
      totals.expected += want.talks.length;
      totals.right += got.talks.filter((t) => want.talks.includes(t)).length;
      expect(got).toEqual(want);
    });
  }

  it('prints precision and recall over every shape', () => {
    const precision = totals.found === 0 ? 1 : totals.right / totals.found;
    const recall = totals.expected === 0 ? 1 : totals.right / totals.expected;
    console.log(
      `shapes: ${shapes.length} fixtures, ${totals.expected} talks expected, ${totals.found} found: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
    );
    expect(shapes.length).toBeGreaterThanOrEqual(11);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });
});

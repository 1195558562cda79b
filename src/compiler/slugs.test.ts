import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignSlugs,
  headingIds,
  MAX_SLUG_BYTES,
  safeId,
  slugOf,
  splitPinnedId,
  type SlugRequest,
} from './slugs.ts';

const talk = (title: string, pinnedId: string | null = null): SlugRequest => ({
  title,
  pinnedId,
  line: 1,
});

describe('splitPinnedId', () => {
  it('strips a trailing {#id} and returns it', () => {
    expect(splitPinnedId('A long title {#short}')).toEqual({
      title: 'A long title',
      pinnedId: 'short',
    });
    expect(splitPinnedId('No id')).toEqual({ title: 'No id', pinnedId: null });
    expect(splitPinnedId('Braces {#not} in the middle')).toEqual({
      title: 'Braces {#not} in the middle',
      pinnedId: null,
    });
  });
});

describe('slugOf', () => {
  it('keeps CJK letters (github-slugger rules)', () => {
    expect(slugOf('基於 Go 的微服務架構 (Spring 開發者視角)')).toBe(
      '基於-go-的微服務架構-spring-開發者視角',
    );
    expect(slugOf("The hidden #pragma's of Go")).toBe('the-hidden-pragmas-of-go');
    expect(slugOf('')).toBe('untitled');
  });
});

describe('slugs that name files and URLs', () => {
  it('caps a long title at a character boundary so the data file name stays legal', () => {
    const slug = slugOf('長'.repeat(300));
    expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).toBe('長'.repeat(MAX_SLUG_BYTES / 3));
    expect(slugOf('word '.repeat(100))).not.toMatch(/-$/);
  });

  it('keeps a safe pinned id and slugs one that could leave the data folder', () => {
    expect(safeId('MyTalk_2')).toBe('MyTalk_2');
    expect(safeId('日本')).toBe('日本');
    expect(safeId('../../../tmp/pwned')).toBe('tmppwned');
    expect(safeId('"><script>')).toBe('script');
    expect(assignSlugs([talk('A', '../x'), talk('B', '..\\x')]).slugs).toEqual(['x', 'x-1']);
    expect(headingIds([{ title: 'S', pinnedId: 'a/b' }])).toEqual(['ab']);
  });
});

describe('assignSlugs', () => {
  it('suffixes later duplicates in source order, skipping taken values', () => {
    const { slugs, conflicts } = assignSlugs([
      talk('Keynote'),
      talk('Keynote'),
      talk('Keynote 1'),
      talk('Keynote'),
    ]);
    expect(slugs).toEqual(['keynote', 'keynote-2', 'keynote-1', 'keynote-3']);
    expect(conflicts.map((c) => [c.index, c.given, c.cause])).toEqual([
      [1, 'keynote-2', 'duplicate'],
      [3, 'keynote-3', 'duplicate'],
    ]);
  });

  it('lets a pinned id win over a title', () => {
    const { slugs, conflicts } = assignSlugs([talk('Intro'), talk('Opening', 'intro')]);
    expect(slugs).toEqual(['intro-1', 'intro']);
    expect(conflicts[0]).toMatchObject({ index: 0, cause: 'pinned' });
  });

  it('gives every request a distinct slug', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.constantFrom('A', 'a', 'A 1', 'B', '', '!!'),
            pin: fc.option(fc.constantFrom('a', 'x')),
          }),
        ),
        (items) => {
          const { slugs } = assignSlugs(items.map((i) => talk(i.title, i.pin)));
          expect(new Set(slugs).size).toBe(items.length);
        },
      ),
    );
  });

  it('never changes a URL when an unrelated talk is added, removed or moved', () => {
    const titles = fc.constantFrom(
      'Keynote',
      'Lunch',
      'Go in TiDB',
      'NSQ 重塑之路',
      'Q&A',
      'Q & A',
    );
    fc.assert(
      fc.property(
        fc.array(titles, { maxLength: 12 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.nat(),
        (list, extra, at) => {
          const unrelated = `unrelated ${extra}`;
          // Only meaningful when the extra title collides with nothing.
          fc.pre(
            !list.some((t) => slugOf(t) === slugOf(unrelated)) && !/\d$/.test(slugOf(unrelated)),
          );
          const before = assignSlugs(list.map((t) => talk(t))).slugs;
          const position = at % (list.length + 1);
          const withExtra = [...list.slice(0, position), unrelated, ...list.slice(position)];
          const after = assignSlugs(withExtra.map((t) => talk(t))).slugs;
          after.splice(position, 1);
          expect(after).toEqual(before);
        },
      ),
    );
  });
});

describe('headingIds', () => {
  it('numbers empty headings untitled, untitled-1… and honors pins', () => {
    expect(
      headingIds([
        { title: '', pinnedId: null },
        { title: 'Section', pinnedId: 'section' },
        { title: 'Section', pinnedId: null },
        { title: '', pinnedId: null },
      ]),
    ).toEqual(['untitled', 'section', 'section-1', 'untitled-1']);
  });
});

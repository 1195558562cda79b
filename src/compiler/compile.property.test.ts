import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { emitData } from './emit.ts';
import type { CompiledFile } from './model.ts';
import { findLostLines } from './nothing-lost.ts';

// Random outline-shaped notes: what people write (headings of every level, nested bullets
// indented with tabs or spaces, empty bullets, reference lists, pinned ids, CJK and emoji),
// plus some of what they should not (setext underlines, fences, HTML, bad front matter).

const word = fc.constantFrom(
  'Go',
  'talk',
  'GC',
  'notes',
  'Kubernetes',
  '微服務',
  '分佈式追蹤',
  '行情系統',
  'の',
  '테스트',
  '🎉',
  '🚀',
  '👩‍💻',
  '!!!',
  '(…)',
  '#pragma',
  '4/15',
  'Day 2',
);
const words = fc.array(word, { maxLength: 5 }).map((w) => w.join(' '));
const pinned = fc.option(
  fc.constantFrom('{#a}', '{#b}', '{#intro}', '{#a/../b}', '{#ID_1}', '{#日本}'),
  { freq: 4 },
);
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), words, pinned, fc.boolean())
  .map(([level, text, id, closing]) =>
    [`${'#'.repeat(level)}`, text, id ?? '', closing ? '##' : ''].filter(Boolean).join(' '),
  );
/** One level of bullet indentation: a tab, 2 or 4 spaces, or a mix. */
const indentUnit = fc.constantFrom('\t', '  ', '    ', ' \t');
const bullet = fc
  .tuple(
    fc.array(indentUnit, { maxLength: 3 }),
    fc.constantFrom('-', '*', '+', '1.', '- [ ]', '- [x]'),
    fc.oneof(
      { weight: 3, arbitrary: words },
      { weight: 2, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'Reference',
          '參考資料：',
          'Slides',
          '[slides](https://example.com/s)',
          'https://example.com/bare',
          '[repo][r]',
          '[missing][nowhere]',
          '`code`',
        ),
      },
    ),
  )
  .map(([indent, marker, text]) => `${indent.join('')}${marker}${text ? ` ${text}` : ''}`);
const other = fc.constantFrom(
  '',
  '',
  '   ',
  '\t',
  'A paragraph of notes.',
  '一段筆記。',
  '---',
  '===',
  '***',
  '> quoted',
  '```',
  '```go',
  'fmt.Println("x")',
  '    indented code',
  '[r]: https://example.com/r',
  '[^1]: a footnote',
  'a claim[^1]',
  '<div>',
  '<!-- todo -->',
  '| a | b |',
  '|---|---|',
  '**A. Keynote: Jane**',
  '**B. Unclosed title',
  '**bold** then text',
  '-----',
  '- [Talk title](https://example.com/t)',
  '  - nested note',
  'TODO',
  '待補 ???',
  '[slides]()',
  'Speaker: Jane Doe',
  '10:00-10:40',
  '#go #k8s',
  'Title: Pelican',
  '## Sessions',
  '# 聞いた発表',
);
const line = fc.oneof(
  { weight: 1, arbitrary: heading },
  { weight: 5, arbitrary: bullet },
  { weight: 3, arbitrary: other },
);
const body = fc.array(line, { maxLength: 12 });
/** Words that title parts which are not talks. */
const frameWord = fc.constantFrom('Summary', '總結', 'Lunch', 'References', 'まとめ', 'Q&A');
/** `### talk` and its body (the talk heading's level and form vary now and then). */
const talk = fc
  .tuple(
    fc.constantFrom('###', '###', '###', '##', '####', '**', '- [', 'setext'),
    fc.oneof({ weight: 4, arbitrary: words }, { weight: 1, arbitrary: frameWord }),
    pinned,
    body,
  )
  .map(([marks, title, id, lines]) => {
    const text = [title, id ?? ''].join(' ').trimEnd();
    if (marks === '**') return [`**${text}**`, ...lines];
    if (marks === '- [')
      return [`- [${text}](https://example.com/x)`, ...lines.map((l) => `  ${l}`)];
    if (marks === 'setext') return [text || 'untitled', '-----', ...lines];
    return [[marks, text].join(' ').trimEnd(), ...lines];
  });
const day = fc
  .tuple(
    fc.constantFrom('4/15', 'Day 2', '第一天', 'Workshops', ''),
    pinned,
    body,
    fc.array(talk, { maxLength: 4 }),
  )
  .map(([label, id, intro, talks]) => [
    ['##', label, id ?? ''].join(' ').trimEnd(),
    ...intro.slice(0, 2),
    ...talks.flat(),
  ]);
/** An outline: `# Conference`, `## day`, `### talk`, with random lines everywhere. */
const outline = fc
  .tuple(
    fc.option(words.map((w) => `# ${w} 2017`)),
    body,
    fc.array(day, { maxLength: 3 }),
    fc.array(talk, { maxLength: 2 }),
  )
  .map(([conference, intro, days, early]) => [
    ...(conference === null ? [] : [conference]),
    ...intro.slice(0, 3),
    ...early.flat(),
    ...days.flat(),
  ]);
const notes = fc.record({
  frontMatter: fc.constantFrom(
    '',
    '',
    '---\ntitle: T 2019\n---\n',
    '---\nlevels: { day: null, talk: 2 }\n---\n',
    '---\nslug: "!!"\nyear: soon\n---\n',
    '---\nbad: [\n---\n',
    '---\ntalks: bold\n---\n',
    '---\ntalks: links\ndays: none\n---\n',
    '---\ntalks: file\n---\n',
    '---\ntalks: "##"\ndays: "#"\n---\n',
    '---\ntalks: bullets\n---\n',
    'Title: Pelican notes\nDate: 2019-05-01\n\n',
  ),
  lines: fc.oneof({ weight: 4, arbitrary: outline }, { weight: 1, arbitrary: fc.array(line) }),
  ending: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

interface Sample {
  /** The file as bytes (BOM, line endings as generated). */
  bytes: Uint8Array;
  /** The same text with LF endings and no BOM: what the compiler reads. */
  text: string;
}

type Notes = typeof notes extends fc.Arbitrary<infer T> ? T : never;

function sample(input: Notes): Sample {
  const text = input.frontMatter + input.lines.join('\n') + (input.finalNewline ? '\n' : '');
  const raw = (input.bom ? '\uFEFF' : '') + text.replaceAll('\n', input.ending);
  return { bytes: new TextEncoder().encode(raw), text };
}

function check(compiled: CompiledFile, text: string) {
  // The safety net in compileSource never had to catch anything.
  for (const d of compiled.diagnostics) {
    expect(d.message).not.toMatch(/compiler failure/);
    expect(d.message).toMatch(/^Unexpected /);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(text.split('\n').length);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
  // A file that decodes always compiles, broken front matter included.
  expect(compiled.ok).toBe(true);
  const emitted = emitData([compiled]);
  const docs = emitted.talks.map((t) => t.document);
  expect(findLostLines(text, compiled, emitted.index, docs)).toEqual([]);

  const slugs = compiled.days.flatMap((d) => d.talks.map((t) => t.slug));
  expect(new Set(slugs).size).toBe(slugs.length);
  const daySlugs = compiled.days.map((d) => d.slug);
  expect(new Set(daySlugs).size).toBe(daySlugs.length);
  for (const slug of [...slugs, ...daySlugs]) expect(slug).toMatch(/^[\p{L}\p{M}\p{N}_-]+$/u);

  for (const talk of compiled.days.flatMap((d) => d.talks)) {
    const hasEmptyTalk = talk.gaps.some((g) => g.kind === 'empty-talk');
    expect(talk.status === 'complete').toBe(talk.gaps.length === 0);
    expect(talk.status === 'empty').toBe(hasEmptyTalk);
    expect(talk.status === 'partial').toBe(talk.gaps.length > 0 && !hasEmptyTalk);
    expect(new Set(talk.gaps.map((g) => g.id)).size).toBe(talk.gaps.length);
    expect(new Set(talk.outline.map((h) => h.id)).size).toBe(talk.outline.length);
  }
}

describe('compileSource on random notes', () => {
  it('never fails, loses no line, keeps statuses and gaps in step, slugs unique, output stable', () => {
    fc.assert(
      fc.property(notes, (input) => {
        const { bytes, text } = sample(input);
        const compiled = compileSource('notes/random.md', bytes);
        check(compiled, text);

        // Byte-identical on a second run, and the same as the LF, BOM-less text.
        const again = compileSource('notes/random.md', bytes);
        expect(JSON.stringify(again)).toBe(JSON.stringify(compiled));
        expect(emitData([again]).files).toEqual(emitData([compiled]).files);
        // The same as the LF, BOM-less text, but for the hash of the bytes.
        const plain = compileSource('notes/random.md', new TextEncoder().encode(text));
        expect(JSON.stringify({ ...plain, sourceHash: '' })).toBe(
          JSON.stringify({ ...compiled, sourceHash: '' }),
        );
      }),
      { numRuns: 1500 },
    );
  }, 120_000);
});

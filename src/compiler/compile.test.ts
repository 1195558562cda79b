import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import type { TalkDocument } from './contract.ts';
import { emitData } from './emit.ts';
import { gapReport } from './gap-report.ts';
import type { CompiledFile } from './model.ts';
import { findLostLines } from './nothing-lost.ts';
import { decodeNotes } from './read-notes.ts';
import { formatDiagnostic } from './diagnostics.ts';

const here = import.meta.dirname;
const fixturesDir = path.join(here, 'fixtures');
const seedFile = path.join(here, '../../notes/gopherchina-2017.md');
const update = process.env.UPDATE_FIXTURES === '1';

/** The `gaps --json` shape of one file, plus the data a fixture must pin down (slugs, intros, outline, references, Markdown). */
function fixtureView(compiled: CompiledFile) {
  const emitted = emitData([compiled]);
  const report = gapReport(emitted);
  const docs = new Map(emitted.talks.map((t) => [t.document.url, t.document]));
  return {
    ...report,
    conferences: report.conferences.map((c, ci) => {
      const conf = emitted.index.conferences[ci]!;
      return {
        ...c,
        year: conf.year,
        line: conf.line,
        heading: conf.heading,
        intro: conf.intro,
        introLine: conf.introLine,
        hint: conf.hint,
        asides: conf.asides.map(({ title, id, kind, lines, day, markdown }) => ({
          title,
          id,
          kind,
          lines,
          day,
          markdown,
        })),
        days: c.days.map((d, di) => {
          const day = conf.days[di]!;
          return {
            ...d,
            slug: day.slug,
            intro: day.intro,
            introLine: day.introLine,
            talks: d.talks.map((t) => {
              const doc = docs.get(t.url)!;
              return {
                ...t,
                outline: doc.outline,
                references: doc.references,
                markdown: doc.markdown,
              };
            }),
          };
        }),
      };
    }),
  };
}

function lost(text: string, compiled: CompiledFile): string[] {
  const emitted = emitData([compiled]);
  return findLostLines(
    text,
    compiled,
    emitted.index,
    emitted.talks.map((t) => t.document),
  );
}

const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The inputs issue 5 says the compiler must survive, each a fixture folder. */
const REQUIRED_CASES = [
  'empty-file',
  'whitespace-only',
  'no-headings',
  'only-h1',
  'talks-before-day',
  'day-without-talks',
  'six-levels',
  'setext-sections',
  'punctuation-headings',
  'duplicate-titles',
  'pinned-collision',
  'crlf',
  'cr-only',
  'bom',
  'mixed-indentation',
  'invalid-utf8',
  'binary-png',
  'binary-nul',
  'utf16-bom',
  'broken-front-matter',
  'html',
  'hostile',
  'reference-links',
  'footnotes',
  'tables',
  'unclosed-fence',
  'long-lines',
];

describe('fixtures', () => {
  it('has the cases the spec asks for', () => {
    expect(cases).toEqual(expect.arrayContaining(REQUIRED_CASES));
  });

  for (const name of cases) {
    describe(name, () => {
      const bytes = readFileSync(path.join(fixturesDir, name, 'input.md'));
      const compiled = compileSource('input.md', bytes);
      const expectedPath = path.join(fixturesDir, name, 'expected.json');

      it('matches expected.json', () => {
        const view = JSON.parse(JSON.stringify(fixtureView(compiled))) as unknown;
        if (update || !existsSync(expectedPath)) {
          writeFileSync(expectedPath, `${JSON.stringify(view, null, 2)}\n`);
        }
        expect(view).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      });

      it('loses no line', () => {
        const decoded = decodeNotes('input.md', bytes);
        if (!compiled.ok) {
          // A file that cannot be compiled is reported, not published.
          expect(compiled.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          return;
        }
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(lost(decoded.source.text, compiled)).toEqual([]);
      });

      it('says what is wrong as `Unexpected x, expected y` at a real position, never a stack', () => {
        const lineCount = Math.max(1, bytes.toString('utf8').split(/\r\n?|\n/).length);
        for (const d of compiled.diagnostics) {
          expect(formatDiagnostic(d)).toMatch(/^input\.md:\d+:\d+: Unexpected \S.*, expected /s);
          expect(d.message).not.toMatch(/\n\s+at |compiler failure/);
          expect(d.line).toBeLessThanOrEqual(lineCount);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      });

      it('emits the same bytes every time', () => {
        const again = emitData([compileSource('input.md', bytes)]).files;
        expect(again).toEqual(emitData([compiled]).files);
      });
    });
  }
});

/** The emitted files of a compile, the source bytes' hash aside (it differs with the bytes). */
function filesOf(compiled: CompiledFile) {
  return emitData([{ ...compiled, sourceHash: '' }]).files;
}

describe('line endings and BOM', () => {
  it('compiles CRLF exactly like LF, but for the hash of the bytes', () => {
    const crlf = readFileSync(path.join(fixturesDir, 'crlf/input.md'));
    expect(crlf.includes('\r\n')).toBe(true);
    const lf = Buffer.from(crlf.toString('utf8').replaceAll('\r\n', '\n'));
    const cr = Buffer.from(crlf.toString('utf8').replaceAll('\r\n', '\r'));
    const expected = filesOf(compileSource('input.md', lf));
    expect(filesOf(compileSource('input.md', crlf))).toEqual(expected);
    expect(filesOf(compileSource('input.md', cr))).toEqual(expected);
    expect(compileSource('input.md', crlf).sourceHash).not.toBe(
      compileSource('input.md', lf).sourceHash,
    );
  });

  it('compiles a BOM file like the same file without it', () => {
    const bom = readFileSync(path.join(fixturesDir, 'bom/input.md'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = bom.subarray(3);
    expect(filesOf(compileSource('input.md', bom))).toEqual(
      filesOf(compileSource('input.md', plain)),
    );
  });
});

describe('front matter', () => {
  const withDate = (date: string) =>
    emitData([
      compileSource(
        'notes/a.md',
        `---\ndate: ${date}\n---\n# A\n\n## 10/21\n\n### Talk\n\n- note\n`,
      ),
    ]).index;

  it('takes the year of `date:` written as blogs write it, time and zone aside', () => {
    for (const date of [
      '2019-10-21',
      '2019-10-21 19:59:50',
      '2019-10-21T23:58:00.000-08:00',
      '2019/10/21',
      'Oct 21, 2019',
    ]) {
      const index = withDate(date);
      expect(index.diagnostics, date).toEqual([]);
      expect(index.conferences[0]!.days[0]!.date, date).toBe('2019-10-21');
    }
  });

  it('warns about a `date:` without a year, and compiles the rest', () => {
    const index = withDate('someday');
    expect(index.diagnostics.map((d) => formatDiagnostic(d, { severity: true }))).toEqual([
      'notes/a.md:2:7: warning: Unexpected `date: someday`, expected a date with its year (yyyy-MM-dd); it is ignored',
    ]);
    expect(index.conferences[0]!.days[0]!.talks.map((t) => t.title)).toEqual(['Talk']);
  });
});

describe('headings written without the space after `#`', () => {
  const warnings = (text: string) =>
    emitData([compileSource('notes/a.md', text)]).index.diagnostics.map((d) =>
      formatDiagnostic(d, { severity: true }),
    );

  it('says where and how to write them, once for the file', () => {
    const text = '# Conf 2012\n\n##First talk\nnotes\n\n##Second talk\n\n- more\n';
    expect(warnings(text)).toContain(
      'notes/a.md:3:1: warning: Unexpected `##First talk`, expected `## First talk`: without a space after `##` Markdown reads it as text, not a heading (2 lines are written so)',
    );
  });

  it('leaves one `#hashtag` line and code alone', () => {
    const text = '# Conf\n\n## Talk\n\n#golang was trending\n\n```\n#include <x>\n#define Y\n```\n';
    expect(warnings(text).filter((w) => w.includes('space after'))).toEqual([]);
  });
});

describe('errors do not stop the other files', () => {
  it('publishes the good file and the notes under broken front matter, and reports the errors', () => {
    const good = compileSource('notes/good.md', '# Good\n\n## 4/15\n\n### Talk\n\n- note\n');
    const badBytes = compileSource('notes/bad.md', Uint8Array.from([0x23, 0x20, 0xff, 0x0a]));
    const badYaml = compileSource(
      'notes/yaml.md',
      '---\ntitle: [x\n---\n# Y\n\n## Talk\n\n- note\n',
    );
    const { index } = emitData([badBytes, good, badYaml]);
    expect(index.conferences.map((c) => c.file)).toEqual(['notes/good.md', 'notes/yaml.md']);
    // Broken YAML is an error, but the talks under it are still there to read.
    expect(index.conferences[1]!.days[0]!.talks.map((t) => t.title)).toEqual(['Talk']);
    expect(index.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual([
      'notes/bad.md',
      'notes/yaml.md',
    ]);
    expect(index.diagnostics[0]).toMatchObject({ line: 1, column: 3 });
  });

  it('makes conference slugs unique across files, with a warning', () => {
    const a = compileSource('a/conf.md', '# A\n');
    const b = compileSource('b/conf.md', '# B\n');
    const { index } = emitData([a, b]);
    expect(index.conferences.map((c) => c.slug)).toEqual(['conf', 'conf-1']);
    expect(
      index.diagnostics.some(
        (d) => d.file === 'b/conf.md' && /duplicate conference slug/.test(d.message),
      ),
    ).toBe(true);
  });
});

describe('the shipped notes (notes/gopherchina-2017.md)', () => {
  const bytes = readFileSync(seedFile);
  const compiled = compileSource('notes/gopherchina-2017.md', bytes);
  const emitted = emitData([compiled]);
  const talks = new Map<string, TalkDocument>(
    emitted.talks.map((t) => [t.document.title, t.document]),
  );

  it('has 2 days and 17 talks: 5 complete, 6 partial, 6 empty', () => {
    expect(compiled.diagnostics).toEqual([]);
    const conf = emitted.index.conferences[0]!;
    expect(conf.title).toBe('GopherChina 2017');
    expect(conf.days.map((d) => [d.label, d.date, d.talks.length])).toEqual([
      ['4/15', '2017-04-15', 8],
      ['4/16', '2017-04-16', 9],
    ]);
    expect(emitted.index.summary).toMatchObject({ talks: 17, complete: 5, partial: 6, empty: 6 });
  });

  it('gives each talk the status a careful reader would', () => {
    const statuses = Object.fromEntries(
      emitted.talks.map((t) => [t.document.title, t.document.status]),
    );
    expect(statuses).toEqual({
      'Go 在大數據開發中的實戰經驗': 'complete',
      'Go in TiDB': 'complete',
      'Go coding in Go style': 'empty',
      'Understanding Go Interfaces': 'complete',
      'NSQ 重塑之路': 'empty',
      '基於 Go 的微服務架構 (Spring 開發者視角)': 'partial',
      '用 Go 搭建 Kubernetes Operators': 'partial',
      '嗶哩嗶哩的 Go 微服務實戰': 'partial',
      '純 Go 打造億級實時分佈式平台': 'complete',
      'Go 語言在掃碼支付系統中的成功實踐': 'partial',
      'Go 在百萬億級搜索引擎中的應用': 'complete',
      "The hidden #pragma's of Go": 'empty',
      '跨境電商的 Go 服務治理實踐': 'partial',
      '使用 Golang 語言實現 DevOps Orchestration': 'empty',
      'Harbor 開源項目中容器鏡像遠程複製的實現': 'empty',
      'Go 在證券行情系統中的應用': 'partial',
      'Go 語言在證券期貨行情系統中的實踐': 'empty',
    });
  });

  it('points the gaps at the lines where the notes stop', () => {
    const gaps = (title: string) => talks.get(title)!.gaps.map((g) => [g.kind, g.line, g.section]);
    expect(gaps('Go 在證券行情系統中的應用')).toEqual([
      ['empty-item', 453, '行情開發遇到的挑戰'],
      ['empty-heading', 455, ''],
      ['empty-heading', 461, ''],
    ]);
    expect(gaps('基於 Go 的微服務架構 (Spring 開發者視角)')).toEqual([
      ['empty-references', 143, null],
    ]);
    expect(gaps('Go coding in Go style')).toEqual([['empty-talk', 97, null]]);
    expect(gaps('NSQ 重塑之路')).toEqual([['empty-talk', 124, null]]);
    expect(gaps('Go 語言在掃碼支付系統中的成功實踐')).toEqual([['empty-section', 284, '架構演進']]);
    expect(gaps('跨境電商的 Go 服務治理實踐')).toEqual([
      ['empty-section', 371, '分佈式追蹤'],
      ['empty-section', 377, '跨數據中心'],
    ]);
    expect(gaps('Harbor 開源項目中容器鏡像遠程複製的實現')).toEqual([
      ['empty-talk', 407, null],
      ['empty-section', 409, 'vmware 開發的 docker registry for enterprise usage'],
      ['empty-heading', 415, ''],
      ['empty-heading', 421, ''],
      ['empty-heading', 427, ''],
    ]);
  });

  it('keeps CJK in slugs and lists references', () => {
    const talk = talks.get('基於 Go 的微服務架構 (Spring 開發者視角)')!;
    expect(talk.slug).toBe('基於-go-的微服務架構-spring-開發者視角');
    expect(talk.url).toBe('/gopherchina-2017/基於-go-的微服務架構-spring-開發者視角');
    expect(talks.get('Go in TiDB')!.references).toEqual([
      { text: 'tidb', url: 'https://github.com/pingcap/tidb', line: 94 },
      { text: '分佈式數據庫 TiDB 過去現在和未來', url: 'https://gocn.io/article/14', line: 95 },
    ]);
  });

  it('loses no line', () => {
    const decoded = decodeNotes('notes/gopherchina-2017.md', bytes);
    expect(decoded.ok && lost(decoded.source.text, compiled)).toEqual([]);
  });
});

describe('bookmarks across edits', () => {
  const before =
    '# Conf 2017\n\n## 4/15\n\n### Go in TiDB {#tidb}\n\n- note\n\n### Go coding in Go style\n\n- note\n';
  const after = before
    .replace('Go in TiDB {#tidb}', 'Go inside TiDB: the storage layer {#tidb}')
    .replace('Go coding in Go style', 'Idiomatic Go');
  const urls = (text: string) =>
    emitData([compileSource('notes/conf.md', text)]).index.conferences[0]!.days[0]!.talks.map(
      (t) => [t.title, t.url],
    );

  it('keeps the URL of a talk that pins `{#id}` when its title changes', () => {
    expect(urls(before)[0]).toEqual(['Go in TiDB', '/conf/tidb']);
    expect(urls(after)[0]).toEqual(['Go inside TiDB: the storage layer', '/conf/tidb']);
  });

  it('gives a renamed talk without a pin a new URL (an old bookmark lands on not-found)', () => {
    expect(urls(before)[1]).toEqual(['Go coding in Go style', '/conf/go-coding-in-go-style']);
    expect(urls(after)[1]).toEqual(['Idiomatic Go', '/conf/idiomatic-go']);
  });

  it('keeps every other URL when a talk is added or removed', () => {
    const added = before.replace('## 4/15\n', '## 4/15\n\n### Opening\n\n- welcome\n');
    expect(urls(added).slice(1)).toEqual(urls(before));
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { OTHER_SCRIPT_QUERIES, RECALL_QUERIES } from '../bench/search-queries.ts';
import { SEARCH_OPTIONS, type SearchDocument } from '../lib/search-options.ts';
import { runSearch } from '../lib/search-run.ts';
import { splitTokens } from '../lib/tokenize.ts';
import {
  compileNotes,
  compileSource,
  emitData,
  type CompiledFile,
  type EmitResult,
} from './index.ts';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  buildSearchIndex,
  searchDocuments,
  searchIndexPlugin,
  sectionTexts,
  talkSearchDocuments,
} from './search-index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function talksOf(markdown: string) {
  return emitData([compileSource('notes/test.md', markdown)]).talks.map((talk) => talk.document);
}

describe('talkSearchDocuments', () => {
  const source = [
    '# Conf 2020',
    '',
    '## 5/1',
    '',
    '### A talk about sync.Pool',
    '',
    'Intro with **bold** and `code` and [a link](https://example.com/hidden-url).',
    '',
    '- item one',
    '\t- nested 壓縮 item',
    '',
    '#### First section',
    '',
    '| a | b |',
    '|---|---|',
    '| 表格 | cell |',
    '',
    '```go',
    'go func() {}',
    '```',
    '',
    '<b>raw html</b>',
    '',
    '#### Second {#pinned}',
    '',
    '> quoted 全局唯一 text',
    '',
    '####',
    '-',
    '',
  ].join('\n');
  const [talk] = talksOf(source);

  it('returns the intro, then one document per heading with its own text, in order', () => {
    const documents = talkSearchDocuments(talk);
    expect(documents.map(({ headingId, heading, body }) => ({ headingId, heading, body }))).toEqual(
      [
        {
          headingId: null,
          heading: '',
          body: 'Intro with bold and code and a link.\nitem one\nnested 壓縮 item',
        },
        {
          headingId: 'first-section',
          heading: 'First section',
          body: 'a b\n表格 cell\ngo func() {}\nraw html',
        },
        { headingId: 'pinned', heading: 'Second', body: 'quoted 全局唯一 text' },
      ],
    );
  });

  it('gives the same sections from nodes of the whole file (no second parse)', () => {
    const nodes = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(source)
      .children.filter((node) => node.position!.start.line > talk.lines[0]);
    expect(sectionTexts(nodes, talk.outline)).toEqual(
      talkSearchDocuments(talk).map(({ headingId, heading, body }) => ({
        headingId,
        heading,
        body,
      })),
    );
  });

  it('stores what the result list shows: talk, conference, day, status', () => {
    const [intro] = talkSearchDocuments(talk);
    expect(intro).toMatchObject({
      conference: talk.conference.slug,
      talk: talk.slug,
      talkTitle: 'A talk about sync.Pool',
      day: '5/1',
      status: talk.status,
      text: intro.body,
    });
  });

  it('keeps a document for a talk with no notes, so its title is found', () => {
    const [empty] = talksOf('# C\n\n## 5/1\n\n### Nothing yet\n\n- Reference\n');
    expect(talkSearchDocuments(empty)).toEqual([
      expect.objectContaining({ headingId: null, talkTitle: 'Nothing yet', body: 'Reference' }),
    ]);
  });

  it('numbers documents in reading order and serializes deterministically', () => {
    const talks = talksOf(
      '# C\n\n## 5/1\n\n### One\n\ntext one\n\n### Two\n\n#### H\n\ntext two\n',
    );
    expect(
      searchDocuments(talks).map((document) => [document.id, document.talkTitle, document.heading]),
    ).toEqual([
      [0, 'One', ''],
      [1, 'Two', ''],
      [2, 'Two', 'H'],
    ]);
    expect(buildSearchIndex(talks)).toBe(buildSearchIndex(talks));
  });
});

describe('search over the shipped notes', () => {
  let compiled: CompiledFile[];
  let emitted: EmitResult;
  let miniSearch: MiniSearch<SearchDocument>;

  beforeAll(async () => {
    compiled = await compileNotes(path.join(root, 'notes'), { baseDir: root });
    emitted = emitData(compiled, { plugins: [searchIndexPlugin] });
    const file = emitted.files.find((candidate) => candidate.path === emitted.index.searchFile);
    miniSearch = MiniSearch.loadJSON<SearchDocument>(file!.content, SEARCH_OPTIONS);
  });

  it('writes a content-hashed search file named in the index', () => {
    expect(emitted.index.searchFile).toMatch(/^search\.[0-9a-f]{8}\.json$/);
    expect(emitData(compiled).index.searchFile).toBeNull();
  });

  it(`finds each of the ${RECALL_QUERIES.length} queries of the recall list in its talk and section`, () => {
    const missed = RECALL_QUERIES.filter(({ query, talk, section }) => {
      const { hits } = runSearch(miniSearch, query, { limit: 10 });
      return !hits.some((hit) => hit.talkTitle === talk && hit.heading === section);
    });
    expect(missed).toEqual([]);
    expect(RECALL_QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it(`finds each of the ${OTHER_SCRIPT_QUERIES.length} queries typed in the other script, marked as written`, () => {
    expect(OTHER_SCRIPT_QUERIES.length).toBeGreaterThanOrEqual(20);
    const missed = OTHER_SCRIPT_QUERIES.filter(({ query, talk, section, from }) => {
      const { hits } = runSearch(miniSearch, query, { limit: 10 });
      const hit = hits.find((h) => h.talkTitle === talk && h.heading === section);
      // The mark covers the Traditional text as the notes write it.
      const written = /`(.+)`/.exec(from)![1]!;
      const marked = [
        ...(hit?.snippet.pieces ?? []),
        ...(hit?.talkTitlePieces ?? []),
        ...(hit?.headingPieces ?? []),
      ]
        .filter((p) => p.match)
        .map((p) => p.text)
        .join('|');
      return !hit || !marked.includes(written);
    });
    expect(missed).toEqual([]);
  });

  it('finds every CJK bigram and trigram of every talk in that talk (exhaustive recall)', () => {
    const missed: string[] = [];
    for (const { document } of emitted.talks) {
      const texts = talkSearchDocuments(document).map((section) => section.body);
      const runs = texts
        .flatMap((text) => splitTokens(text))
        .filter((token) => token.kind === 'ngram');
      const queries = new Set<string>();
      for (const { text } of runs) {
        const chars = Array.from(text);
        for (let i = 0; i + 1 < chars.length; i += 1) {
          queries.add(chars.slice(i, i + 2).join(''));
          if (i + 2 < chars.length) queries.add(chars.slice(i, i + 3).join(''));
        }
      }
      for (const query of queries) {
        const { hits } = runSearch(miniSearch, query, { limit: Infinity });
        if (!hits.some((hit) => hit.talk === document.slug))
          missed.push(`${query} (${document.title})`);
      }
    }
    expect(missed).toEqual([]);
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { OTHER_SCRIPT_QUERIES, RECALL_QUERIES } from '../bench/search-queries.ts';
import { runSearch, type SearchSource } from '../lib/search-run.ts';
import { indexTalks } from '../lib/search-source.ts';
import { expandTree } from '../lib/expand-tree.ts';
import { sectionTexts } from '../lib/search-text.ts';
import { ShardedIndex, shardedSource, type ChunkEntries } from '../lib/sharded-index.ts';
import { splitTokens } from '../lib/tokenize.ts';
import type { ReaderTalk, SearchManifest } from './contract.ts';
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
import { buildSearchIndex, searchDocuments, searchIndexPlugin } from './search-index.ts';

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

  it('returns the intro, then one section per heading with its own text, in order', () => {
    expect(sectionTexts(expandTree(talk.tree).children, talk.outline)).toEqual([
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
    ]);
  });

  it('gives the same sections from nodes of the whole file as from the talk file tree', () => {
    const nodes = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .parse(source)
      .children.filter((node) => node.position!.start.line > talk.lines[0]);
    expect(sectionTexts(nodes, talk.outline)).toEqual(
      sectionTexts(expandTree(talk.tree).children, talk.outline),
    );
  });

  it('stores no text: only the scoring data and the terms', () => {
    const { searchFile, files } = buildSearchIndex([talk]);
    const manifest = JSON.parse(files.find((f) => f.path === searchFile)!.content) as object;
    expect(Object.keys(manifest).sort()).toEqual(
      [
        'averageFieldLength',
        'chunks',
        'documentCount',
        'fieldIds',
        'fieldLength',
        'sections',
        'terms',
        'version',
      ].sort(),
    );
    expect(files.map((f) => f.content).join('')).not.toContain('quoted 全局唯一 text');
  });

  it('keeps a document for a talk with no notes, so its title is found', () => {
    const [empty] = talksOf('# C\n\n## 5/1\n\n### Nothing yet\n\n- Reference\n');
    expect(searchDocuments([empty]).documents).toEqual([
      { id: 0, talkTitle: 'Nothing yet', heading: '', body: 'Reference' },
    ]);
  });

  it('numbers documents in reading order and serializes deterministically', () => {
    const talks = talksOf(
      '# C\n\n## 5/1\n\n### One\n\ntext one\n\n### Two\n\n#### H\n\ntext two\n',
    );
    expect(searchDocuments(talks).documents.map((d) => [d.id, d.talkTitle, d.heading])).toEqual([
      [0, 'One', ''],
      [1, 'Two', ''],
      [2, 'Two', 'H'],
    ]);
    expect(searchDocuments(talks).counts).toEqual([1, 2]);
    expect(buildSearchIndex(talks)).toEqual(buildSearchIndex(talks));
  });
});

/**
 * Returns the search source the app's search worker makes of the emitted files: the manifest, its
 * chunks read as they are needed, each talk's text from its data file's tree.
 */
function appSource(emitted: EmitResult): SearchSource {
  const file = (name: string) =>
    JSON.parse(emitted.files.find((candidate) => candidate.path === name)!.content) as unknown;
  const searchFile = emitted.index.searchFile!;
  const folder = searchFile.slice(0, searchFile.lastIndexOf('/') + 1);
  const index = new ShardedIndex(file(searchFile) as SearchManifest, (chunk) =>
    Promise.resolve(file(`${folder}${chunk}.json`) as ChunkEntries),
  );
  const talks = indexTalks(emitted.index);
  return shardedSource(index, talks, (talk) => {
    const document = file(talks[talk].dataFile) as ReaderTalk;
    return Promise.resolve(sectionTexts(expandTree(document.tree).children, document.outline));
  });
}

describe('search over the shipped notes', () => {
  let compiled: CompiledFile[];
  let emitted: EmitResult;
  let source: SearchSource;

  beforeAll(async () => {
    compiled = await compileNotes(path.join(root, 'notes'), {
      baseDir: root,
      searchSections: true,
    });
    emitted = emitData(compiled, { plugins: [searchIndexPlugin] });
    source = appSource(emitted);
  });

  it('writes content-hashed search files, the manifest named in the index', () => {
    expect(emitted.index.searchFile).toMatch(/^search\/[0-9a-f]{8}\/index\.json$/);
    expect(emitData(compiled).index.searchFile).toBeNull();
  });

  it('indexes the text the talk files give the app, section for section', () => {
    const talks = emitted.talks.filter((talk) => talk.sections);
    expect(talks.length).toBeGreaterThan(emitted.talks.length / 2);
    for (const { document, sections } of talks) {
      expect(sectionTexts(expandTree(document.tree).children, document.outline)).toEqual(sections);
    }
  });

  it(`finds each of the ${RECALL_QUERIES.length} queries of the recall list in its talk and section`, async () => {
    const missed: unknown[] = [];
    for (const entry of RECALL_QUERIES) {
      const { query, talk, section } = entry;
      const { hits } = await runSearch(source, query, { limit: 10 });
      if (!hits.some((hit) => hit.talkTitle === talk && hit.heading === section))
        missed.push(entry);
    }
    expect(missed).toEqual([]);
    expect(RECALL_QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it(`finds each of the ${OTHER_SCRIPT_QUERIES.length} queries typed in the other script, marked as written`, async () => {
    expect(OTHER_SCRIPT_QUERIES.length).toBeGreaterThanOrEqual(20);
    const missed: unknown[] = [];
    for (const entry of OTHER_SCRIPT_QUERIES) {
      const { query, talk, section, from } = entry;
      const { hits } = await runSearch(source, query, { limit: 10 });
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
      if (!hit || !marked.includes(written)) missed.push(entry);
    }
    expect(missed).toEqual([]);
  });

  it('finds every CJK bigram and trigram of every talk in that talk (exhaustive recall)', async () => {
    const missed: string[] = [];
    for (const { document } of emitted.talks) {
      const texts = sectionTexts(expandTree(document.tree).children, document.outline).map(
        (s) => s.body,
      );
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
        const { hits } = await runSearch(source, query, { limit: Infinity });
        if (!hits.some((hit) => hit.talk === document.slug))
          missed.push(`${query} (${document.title})`);
      }
    }
    expect(missed).toEqual([]);
  });
});

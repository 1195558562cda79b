import MiniSearch from 'minisearch';
import type { TalkDocument } from './contract.ts';
import type { DataFile, EmitPlugin, EmittedTalk } from './emit.ts';
import { SearchPostings } from './search-postings.ts';
import { shardSearchIndex } from './search-shards.ts';
import { SEARCH_OPTIONS, type HitTalk, type SearchDocument } from '../lib/search-options.ts';
import type { SearchSource } from '../lib/search-run.ts';
import { memorySource } from '../lib/search-source.ts';
import { expandTree } from '../lib/expand-tree.ts';
import { sectionTexts, type SectionText } from '../lib/search-text.ts';

type Section = Omit<SearchDocument, 'id'>;

/**
 * Returns the search documents of one talk, one per section (see `sectionTexts`): from `sections`
 * when the compiler has them from the nodes of its parse, else from the talk's `tree` (the same
 * nodes, as written to its data file). Never parses Markdown. Does not mutate.
 */
export function talkSearchDocuments(
  talk: TalkDocument,
  sections: readonly SectionText[] = sectionTexts(expandTree(talk.tree).children, talk.outline),
): Section[] {
  return sections.map(({ heading, body }) => ({ talkTitle: talk.title, heading, body }));
}

/**
 * Returns the search documents of all talks, numbered in the given order, and how many each talk
 * has; `sections[i]`, when given, is talk i's text as the compiler already has it. Does not mutate.
 */
export function searchDocuments(
  talks: readonly TalkDocument[],
  sections: readonly (readonly SectionText[] | undefined)[] = [],
): { documents: SearchDocument[]; counts: number[] } {
  const documents: SearchDocument[] = [];
  const counts: number[] = [];
  for (const [i, talk] of talks.entries()) {
    const own = talkSearchDocuments(talk, sections[i]);
    for (const section of own) documents.push({ id: documents.length, ...section });
    counts.push(own.length);
  }
  return { documents, counts };
}

/**
 * Returns the files of the search index of every section of the talks (see `shardSearchIndex`;
 * `talkFiles`: their data files) and the manifest's path. The same talks in the same order give the same bytes. Does not mutate.
 */
export function buildSearchIndex(
  talks: readonly TalkDocument[],
  sections?: readonly (readonly SectionText[] | undefined)[],
  talkFiles: readonly string[] = [],
): { searchFile: string; files: DataFile[] } {
  const { documents, counts } = searchDocuments(talks, sections);
  const postings = new SearchPostings();
  postings.addAll(documents);
  return shardSearchIndex(postings.indexed(), counts, talkFiles);
}

/**
 * Emit plugin: returns the search index files and sets `index.searchFile` to its manifest — the one
 * mutation, as `EmitPlugin` allows.
 */
export const searchIndexPlugin: EmitPlugin = ({ index, talks }) => {
  const { searchFile, files } = buildSearchIndex(
    talks.map((talk) => talk.document),
    talks.map((talk) => talk.sections),
    talks.map((talk) => talk.path),
  );
  index.searchFile = searchFile;
  return files;
};

/**
 * Returns a search source over the whole index of the talks, in memory, with their text (what the
 * search worker reads from the chunks and talk files): for the tests and the benchmark.
 */
export function memorySearch(talks: readonly EmittedTalk[]): {
  source: SearchSource;
  miniSearch: MiniSearch<SearchDocument>;
} {
  const documents = talks.map((t) => t.document);
  const sections = talks.map(
    (t) => t.sections ?? sectionTexts(expandTree(t.document.tree).children, t.document.outline),
  );
  const miniSearch = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  miniSearch.addAll(searchDocuments(documents, sections).documents);
  const hitTalks: HitTalk[] = documents.map((talk) => ({
    conference: talk.conference.slug,
    talk: talk.slug,
    talkTitle: talk.title,
    day: talk.day.label,
    status: talk.status,
  }));
  return { source: memorySource(miniSearch, hitTalks, sections), miniSearch };
}

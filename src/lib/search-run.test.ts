import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  SEARCH_OPTIONS,
  cutText,
  isCut,
  SEARCH_TEXT_MAX,
  type SearchDocument,
} from './search-options';
import { runSearch } from './search-run';

type Section = Omit<SearchDocument, 'id' | 'text' | 'conference' | 'day'> & {
  conference?: string;
  day?: string;
};

function index(sections: Section[]): MiniSearch<SearchDocument> {
  const miniSearch = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  miniSearch.addAll(
    sections.map((section, id) => ({
      conference: 'conf',
      day: '4/15',
      ...section,
      id,
      text: cutText(section.body),
    })),
  );
  // What the app gets: the serialized index, loaded back with the same options.
  return MiniSearch.loadJSON<SearchDocument>(JSON.stringify(miniSearch), SEARCH_OPTIONS);
}

const corpus = index([
  {
    talk: 'grab',
    talkTitle: '純 Go 打造億級實時分佈式平台',
    headingId: 'distributed-tracing',
    heading: 'Distributed Tracing',
    status: 'complete',
    body: '當一個請求進入系統時，是進入一個 api gateway，這時候生成一個全局唯一的 trace id，並加入 header 中',
  },
  {
    talk: 'grab',
    talkTitle: '純 Go 打造億級實時分佈式平台',
    headingId: 'testing',
    heading: 'Testing',
    status: 'complete',
    body: '單元測試\n端到端測試',
  },
  {
    talk: 'far-apart',
    talkTitle: 'Other talk',
    headingId: null,
    heading: '',
    status: 'partial',
    body: '全局變量不是唯一的問題',
  },
  {
    talk: 'tidb',
    talkTitle: 'Go in TiDB',
    headingId: null,
    heading: '',
    status: 'partial',
    body: 'start goroutine is easy and cheap\nsync.Pool\n要想辦法減少內存分配壓力',
  },
  {
    talk: 'polls',
    talkTitle: 'Polls',
    headingId: null,
    heading: '',
    status: 'complete',
    body: 'a poll of users',
  },
  {
    talk: 'markets',
    talkTitle: 'Go 在證券行情系統中的應用',
    headingId: 'challenges',
    heading: '行情開發遇到的挑戰',
    status: 'empty',
    body: '停頓頻率\n壓縮\n堆內存開銷\nＧＣ吞吐量',
  },
]);

function found(raw: string, options?: Parameters<typeof runSearch>[2]): string[] {
  return runSearch(corpus, raw, options).hits.map((hit) => `${hit.talk}#${hit.headingId ?? ''}`);
}

describe('runSearch', () => {
  it('finds a CJK word in the middle of a sentence and marks it in the snippet', () => {
    const [hit] = runSearch(corpus, '全局唯一').hits;
    expect(hit.talk).toBe('grab');
    expect(hit.headingId).toBe('distributed-tracing');
    expect(hit.snippet.pieces.filter((piece) => piece.match).map((piece) => piece.text)).toEqual([
      '全局唯一',
    ]);
  });

  it('requires the CJK characters together, not only all of its bigrams somewhere', () => {
    expect(found('全局唯一')).toEqual(['grab#distributed-tracing']);
    expect(found('唯一').sort()).toEqual(['far-apart#', 'grab#distributed-tracing']);
  });

  it('finds a CJK list item and a single character', () => {
    expect(found('壓縮')).toEqual(['markets#challenges']);
    expect(found('縮')).toEqual(['markets#challenges']);
    expect(found('壓')).toEqual(expect.arrayContaining(['markets#challenges', 'tidb#']));
  });

  it('matches English by prefix, case-insensitively, with one typo', () => {
    expect(found('gorout')).toEqual(['tidb#']);
    expect(found('GOROUTINE')).toEqual(['tidb#']);
    expect(found('goroutien')).toEqual(['tidb#']);
    expect(found('gorotine')).toEqual(['tidb#']);
    expect(found('goroutinx')).toEqual(['tidb#']);
    expect(found('sync.pool')).toEqual(['tidb#']);
    expect(found('ＧＣ')).toEqual(['markets#challenges']);
  });

  it('tries typos only when nothing matches as typed, and never prefixes a single letter', () => {
    // `pool` exists, so its neighbour `poll` is not searched for; `polll` has no match as typed.
    expect(found('pool')).toEqual(['tidb#']);
    expect(found('polll')).toEqual(['polls#']);
    expect(found('g')).toEqual([]);
    expect(found('go')).toEqual(expect.arrayContaining(['tidb#']));
  });

  it('does not stretch typo tolerance to short words or two typos', () => {
    expect(found('gc')).toEqual(['markets#challenges']);
    expect(found('sinc')).toEqual(['tidb#']);
    expect(found('gourotien')).toEqual([]);
  });

  it('needs every word of the query (AND)', () => {
    expect(found('trace id')).toEqual(['grab#distributed-tracing']);
    expect(found('trace goroutine')).toEqual([]);
    expect(found('goroutine 內存')).toEqual(['tidb#']);
  });

  it('lists one section per talk when only the talk title matched', () => {
    expect(found('實時分佈式平台')).toHaveLength(1);
    expect(found('實時 tracing')).toEqual(['grab#distributed-tracing']);
  });

  it('limits to incomplete talks when asked', () => {
    expect(found('go')).toEqual(expect.arrayContaining(['grab#distributed-tracing', 'tidb#']));
    const incomplete = found('go', { onlyIncomplete: true });
    expect(incomplete).toEqual(expect.arrayContaining(['tidb#', 'markets#challenges']));
    expect(incomplete.some((key) => key.startsWith('grab#'))).toBe(false);
  });

  it('stops at the limit and says there is more', () => {
    const run = runSearch(corpus, 'go', { limit: 1 });
    expect(run.hits).toHaveLength(1);
    expect(run.more).toBe(true);
  });

  it('returns nothing for blank or punctuation-only input', () => {
    expect(runSearch(corpus, '   ').hits).toEqual([]);
    expect(runSearch(corpus, '、。!?').hits).toEqual([]);
  });
});

describe('cutText', () => {
  it('stores long sections cut, with a mark the search can read', () => {
    const body = '字'.repeat(SEARCH_TEXT_MAX + 5);
    expect(cutText('short')).toBe('short');
    expect(isCut(cutText(body))).toBe(true);
    expect(isCut(cutText('字'.repeat(SEARCH_TEXT_MAX)))).toBe(false);
    const emoji = `${'a'.repeat(SEARCH_TEXT_MAX - 1)}😀tail`;
    expect(cutText(emoji)).toBe(`${'a'.repeat(SEARCH_TEXT_MAX - 1)}😀…`);
  });
});

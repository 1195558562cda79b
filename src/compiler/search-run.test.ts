import { describe, expect, it } from 'vitest';
import type { SearchManifest } from './contract.ts';
import { SearchPostings } from './search-postings.ts';
import { shardSearchIndex } from './search-shards.ts';
import type { HitTalk } from '../lib/search-options.ts';
import { runSearch, type SearchSource } from '../lib/search-run.ts';
import type { SectionText } from '../lib/search-text.ts';
import { ShardedIndex, shardedSource, type ChunkEntries } from '../lib/sharded-index.ts';

type Section = SectionText & Omit<HitTalk, 'conference' | 'day'>;

/** Chunks read by the index of the last `index` call. */
const read: number[] = [];

/**
 * Returns a search source over the sections, as the app gets it: indexed, cut into small chunks
 * (a few terms each), loaded back a chunk at a time. Sections of a talk follow each other.
 */
function index(sections: Section[]): SearchSource & { chunks: number } {
  const talks: HitTalk[] = [];
  const texts: SectionText[][] = [];
  for (const { talk, talkTitle, status, headingId, heading, body } of sections) {
    if (talks.at(-1)?.talk !== talk) {
      talks.push({ conference: 'conf', day: '4/15', talk, talkTitle, status });
      texts.push([]);
    }
    texts.at(-1)!.push({ headingId, heading, body });
  }
  const postings = new SearchPostings();
  postings.addAll(
    sections.map(({ talkTitle, heading, body }, id) => ({ id, talkTitle, heading, body })),
  );
  const { searchFile, files } = shardSearchIndex(
    postings.indexed(),
    texts.map((own) => own.length),
    [],
    200,
  );
  const file = (name: string) => JSON.parse(files.find((f) => f.path === name)!.content) as unknown;
  const folder = searchFile.slice(0, searchFile.lastIndexOf('/') + 1);
  const manifest = file(searchFile) as SearchManifest;
  const sharded = new ShardedIndex(manifest, (chunk) => {
    read.push(chunk);
    return Promise.resolve(file(`${folder}${chunk}.json`) as ChunkEntries);
  });
  return {
    ...shardedSource(sharded, talks, (talk) => Promise.resolve(texts[talk])),
    chunks: manifest.chunks.length,
  };
}

const SECTIONS: Section[] = [
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
];

const corpus = index(SECTIONS);

async function found(raw: string, options?: Parameters<typeof runSearch>[2]): Promise<string[]> {
  const { hits } = await runSearch(corpus, raw, options);
  return hits.map((hit) => `${hit.talk}#${hit.headingId ?? ''}`);
}

describe('runSearch', async () => {
  it('finds a CJK word in the middle of a sentence and marks it in the snippet', async () => {
    const [hit] = (await runSearch(corpus, '全局唯一')).hits;
    expect(hit.talk).toBe('grab');
    expect(hit.headingId).toBe('distributed-tracing');
    expect(hit.snippet.pieces.filter((piece) => piece.match).map((piece) => piece.text)).toEqual([
      '全局唯一',
    ]);
  });

  it('requires the CJK characters together, not only all of its bigrams somewhere', async () => {
    expect(await found('全局唯一')).toEqual(['grab#distributed-tracing']);
    expect((await found('唯一')).sort()).toEqual(['far-apart#', 'grab#distributed-tracing']);
  });

  it('finds a CJK list item and a single character', async () => {
    expect(await found('壓縮')).toEqual(['markets#challenges']);
    expect(await found('縮')).toEqual(['markets#challenges']);
    expect(await found('壓')).toEqual(expect.arrayContaining(['markets#challenges', 'tidb#']));
  });

  it('matches English by prefix, case-insensitively, with one typo', async () => {
    expect(await found('gorout')).toEqual(['tidb#']);
    expect(await found('GOROUTINE')).toEqual(['tidb#']);
    expect(await found('goroutien')).toEqual(['tidb#']);
    expect(await found('gorotine')).toEqual(['tidb#']);
    expect(await found('goroutinx')).toEqual(['tidb#']);
    expect(await found('sync.pool')).toEqual(['tidb#']);
    expect(await found('ＧＣ')).toEqual(['markets#challenges']);
  });

  it('tries typos only when nothing matches as typed, and never prefixes a single letter', async () => {
    // `pool` exists, so its neighbour `poll` is not searched for; `polll` has no match as typed.
    expect(await found('pool')).toEqual(['tidb#']);
    expect(await found('polll')).toEqual(['polls#']);
    expect(await found('g')).toEqual([]);
    expect(await found('go')).toEqual(expect.arrayContaining(['tidb#']));
  });

  it('does not stretch typo tolerance to short words or two typos', async () => {
    expect(await found('gc')).toEqual(['markets#challenges']);
    expect(await found('sinc')).toEqual(['tidb#']);
    expect(await found('gourotien')).toEqual([]);
  });

  it('needs every word of the query (AND)', async () => {
    expect(await found('trace id')).toEqual(['grab#distributed-tracing']);
    expect(await found('trace goroutine')).toEqual([]);
    expect(await found('goroutine 內存')).toEqual(['tidb#']);
  });

  it('lists one section per talk when only the talk title matched', async () => {
    expect(await found('實時分佈式平台')).toHaveLength(1);
    expect(await found('實時 tracing')).toEqual(['grab#distributed-tracing']);
  });

  it('limits to incomplete talks when asked', async () => {
    expect(await found('go')).toEqual(
      expect.arrayContaining(['grab#distributed-tracing', 'tidb#']),
    );
    const incomplete = await found('go', { onlyIncomplete: true });
    expect(incomplete).toEqual(expect.arrayContaining(['tidb#', 'markets#challenges']));
    expect(incomplete.some((key) => key.startsWith('grab#'))).toBe(false);
  });

  it('stops at the limit and says there is more', async () => {
    const run = await runSearch(corpus, 'go', { limit: 1 });
    expect(run.hits).toHaveLength(1);
    expect(run.more).toBe(true);
  });

  it('returns nothing for blank or punctuation-only input', async () => {
    expect((await runSearch(corpus, '   ')).hits).toEqual([]);
    expect((await runSearch(corpus, '、。!?')).hits).toEqual([]);
  });
});

describe('a sharded index', () => {
  it('reads only the chunks of the terms a search can match, each once', async () => {
    const fresh = index(SECTIONS);
    read.length = 0;
    await runSearch(fresh, '全局唯一');
    const first = read.length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(fresh.chunks / 2);
    await runSearch(fresh, '全局唯一');
    expect(read).toHaveLength(first);
  });

  it('checks CJK runs in the whole text of long sections (nothing is stored cut)', async () => {
    const long = index([
      {
        talk: 'long',
        talkTitle: 'Long',
        status: 'complete',
        headingId: null,
        heading: '',
        body: `${'字'.repeat(5000)} 全局唯一 ${'唯一'.repeat(3)}全局`,
      },
      {
        talk: 'apart',
        talkTitle: 'Apart',
        status: 'complete',
        headingId: null,
        heading: '',
        body: `全局${'字'.repeat(5000)}唯一`,
      },
    ]);
    const { hits } = await runSearch(long, '全局唯一');
    expect(hits.map((hit) => hit.talk)).toEqual(['long']);
    expect(hits[0].snippet.pieces.filter((piece) => piece.match).map((p) => p.text)).toContain(
      '全局唯一',
    );
  });
});

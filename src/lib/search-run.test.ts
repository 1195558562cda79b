import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import {
  allowsTypos,
  buildSearchQuery,
  hasRuns,
  parseSearchQuery,
  queryRuns,
  SEARCH_OPTIONS,
  titleOnly,
  type HitTalk,
  type SearchDocument,
} from './search-options';
import { runSearch, type SearchRun, type SearchSource } from './search-run';
import { memorySource } from './search-source';
import type { SectionText } from './search-text';

const WORDS = ['go', 'goroutine', 'gopher', 'google', 'channel', 'pool', 'sync', 'gc', 'trace'];
const RUNS = ['全局唯一', '全局變量', '唯一的', '分佈式', '局部', '唯一', '全局'];

/** A small deterministic random source (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(next: () => number, pieces: number): string {
  const out: string[] = [];
  for (let i = 0; i < pieces; i += 1) {
    const pool = next() < 0.5 ? WORDS : RUNS;
    out.push(pool[Math.floor(next() * pool.length)]);
  }
  return out.join(next() < 0.5 ? ' ' : '');
}

/** 40 talks of 1–4 sections, words and CJK runs mixed, some in the talk titles. */
function corpus() {
  const next = random(12);
  const talks: HitTalk[] = [];
  const sections: SectionText[][] = [];
  for (let t = 0; t < 40; t += 1) {
    const status = (['complete', 'partial', 'empty'] as const)[t % 3];
    talks.push({ conference: 'c', talk: `t${t}`, talkTitle: text(next, 2), day: '', status });
    sections.push(
      Array.from({ length: 1 + Math.floor(next() * 4) }, (_, s) => ({
        headingId: s === 0 ? null : `h${s}`,
        heading: s === 0 ? '' : text(next, 1),
        body: text(next, 6),
      })),
    );
  }
  const miniSearch = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  let id = 0;
  for (const [t, own] of sections.entries()) {
    for (const section of own) {
      miniSearch.add({ id: id++, talkTitle: talks[t].talkTitle, ...section });
    }
  }
  return memorySource(miniSearch, talks, sections);
}

/** Counts the sections a source is asked for. */
function counting(source: SearchSource): SearchSource & { asked: number[] } {
  const asked: number[] = [];
  return {
    ...source,
    asked,
    sections: (ids) => {
      asked.push(...ids);
      return source.sections(ids);
    },
  };
}

/**
 * What a search must list, found the plain way: the text of every result read, CJK runs checked
 * in it, one title-only result per talk, the first `limit`.
 */
async function reference(source: SearchSource, raw: string, limit: number, incomplete: boolean) {
  const parts = parseSearchQuery(raw);
  const pick = async (results: SearchResult[]) => {
    const texts = await source.sections(results.map((result) => result.id as number));
    const seen = new Set<string>();
    return results.filter((result, i) => {
      const talk = source.talkOf(result.id as number);
      if (incomplete && talk.status === 'complete') return false;
      const section = texts[i];
      const full = section && `${talk.talkTitle}\n${section.heading}\n${section.body}`;
      if (!hasRuns(full, queryRuns(parts))) return false;
      if (!titleOnly(result)) return true;
      if (seen.has(talk.talk)) return false;
      seen.add(talk.talk);
      return true;
    });
  };
  let picked = await pick(source.search(buildSearchQuery(parts)!));
  if (picked.length === 0 && allowsTypos(parts)) {
    picked = await pick(source.search(buildSearchQuery(parts, { typos: true })!));
  }
  return { ids: picked.slice(0, limit).map((result) => result.id), more: picked.length > limit };
}

const QUERIES = ['g', 'go', 'gor', 'goro', 'gorout', 'goroutien', 'pool go', 'gc', 'trace'];
const CJK = ['全', '全局', '全局唯', '全局唯一', '唯一', '局部', '分佈式', 'go 全局', '唯一的'];

describe('runSearch lists what reading every result would', () => {
  const source = corpus();
  const found = new Map<string, number>();
  for (const raw of [...QUERIES, ...CJK]) {
    it(`"${raw}"`, async () => {
      for (const limit of [1, 3, 10, 50]) {
        for (const onlyIncomplete of [false, true]) {
          const run = await runSearch(source, raw, { limit, onlyIncomplete });
          const expected = await reference(source, raw, limit, onlyIncomplete);
          expect({ ids: run.hits.map((hit) => hit.id), more: run.more }).toEqual(expected);
          found.set(raw, Math.max(found.get(raw) ?? 0, expected.ids.length));
        }
      }
    });
  }
  it('(the corpus has hits for each query but a lone letter, which is never a prefix)', () => {
    expect([...found].filter(([, count]) => count === 0).map(([raw]) => raw)).toEqual(['g']);
  });
});

describe('the text a search reads', () => {
  it('is that of the listed hits only when there is no CJK run to check', async () => {
    const source = counting(corpus());
    const run = await runSearch(source, 'go', { limit: 3 });
    expect(run.more).toBe(true);
    expect(source.asked).toEqual(run.hits.map((hit) => hit.id));
  });

  it('is that of the listed hits only for CJK runs of one or two characters (the index says they are whole)', async () => {
    for (const raw of ['全', '全局', 'go 唯一']) {
      const source = counting(corpus());
      const run = await runSearch(source, raw, { limit: 3 });
      expect(run.more).toBe(true);
      expect(source.asked).toEqual(run.hits.map((hit) => hit.id));
    }
  });

  it('is one more than the list when CJK runs are checked (to tell whether there are more)', async () => {
    const source = counting(corpus());
    const run = await runSearch(source, '全局唯', { limit: 3 });
    expect(run.hits).toHaveLength(3);
    expect(source.asked.length).toBeGreaterThanOrEqual(4);
    expect(source.asked.slice(0, 3)).toEqual(run.hits.map((hit) => hit.id));
  });
});

describe('a cancelled search', () => {
  it('rejects with the reason and reads no text', async () => {
    const source = counting(corpus());
    const controller = new AbortController();
    const reason = new Error('superseded');
    controller.abort(reason);
    await expect(
      runSearch(source, '全局唯', { limit: 3 }, { signal: controller.signal }),
    ).rejects.toBe(reason);
    expect(source.asked).toEqual([]);
  });

  it('stops at the text it was reading when cancelled meanwhile', async () => {
    const plain = corpus();
    const controller = new AbortController();
    let reads = 0;
    const source: SearchSource = {
      ...plain,
      sections: (ids) => {
        reads += 1;
        controller.abort();
        return plain.sections(ids);
      },
    };
    // A CJK run with few matches makes the search read batch after batch if not stopped.
    await expect(
      runSearch(source, '全局唯一', { limit: 50 }, { signal: controller.signal }),
    ).rejects.toThrow();
    expect(reads).toBe(1);
  });
});

describe('the first hits', () => {
  it('are reported once the text of those in view is read, the rest pending, then all', async () => {
    const source = counting(corpus());
    const reports: SearchRun[] = [];
    const report = (run: SearchRun) => {
      reports.push(run);
      // What was read when it was reported: the first two hits' text only.
      expect(source.asked).toHaveLength(2);
    };
    const run = await runSearch(source, 'go', { limit: 5 }, { first: { count: 2, report } });
    expect(run).toEqual(await runSearch(corpus(), 'go', { limit: 5 }));
    expect(reports).toHaveLength(1);
    const [early] = reports;
    expect(early.more).toBe(run.more);
    expect(early.hits.map((hit) => hit.id)).toEqual(run.hits.map((hit) => hit.id));
    expect(early.hits.slice(0, 2)).toEqual(run.hits.slice(0, 2));
    expect(early.hits.map((hit) => hit.pending ?? false)).toEqual([false, false, true, true, true]);
    expect(early.hits[2].snippet.pieces).toEqual([]);
  });

  it('are not reported apart when they are all there is, or when CJK runs need every text', async () => {
    const report = vi.fn();
    await runSearch(corpus(), 'go', { limit: 2 }, { first: { count: 2, report } });
    await runSearch(corpus(), '全局唯', { limit: 5 }, { first: { count: 2, report } });
    expect(report).not.toHaveBeenCalled();
  });
});

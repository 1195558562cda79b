import { describe, expect, it } from 'vitest';
import { closestConferences, closestTalks, dissimilarity } from './similar';
import { sampleIndex } from './test-data';

describe('dissimilarity', () => {
  it('is 0 for the same text after normalising case, dashes and escapes', () => {
    expect(dissimilarity('Go in TiDB', 'go-in-tidb')).toBe(0);
    expect(dissimilarity('nsq-%E9%87%8D%E5%A1%91%E4%B9%8B%E8%B7%AF', 'NSQ 重塑之路')).toBe(0);
  });

  it('grows with the edit distance', () => {
    expect(dissimilarity('go-in-tidb', 'go-in-tdb')).toBeLessThan(
      dissimilarity('go-in-tidb', 'keynote'),
    );
  });
});

describe('closestTalks', () => {
  it('suggests the talk with a misspelt slug first', () => {
    expect(closestTalks(sampleIndex, 'go-in-tibd')[0]?.talk.slug).toBe('go-in-tidb');
    expect(closestTalks(sampleIndex, 'hidden-pragma')[0]?.talk.slug).toBe(
      'the-hidden-pragmas-of-go',
    );
  });

  it('matches CJK titles', () => {
    expect(closestTalks(sampleIndex, 'go-在證券行情系統')[0]?.talk.slug).toBe(
      'go-在證券行情系統中的應用',
    );
  });

  it('suggests nothing for unrelated text and for nothing', () => {
    expect(closestTalks(sampleIndex, 'zzzzzzzzzzzzzzzzzzzzzzzz')).toEqual([]);
    expect(closestTalks(sampleIndex, '')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(closestTalks(sampleIndex, 'go', 2).length).toBeLessThanOrEqual(2);
  });
});

describe('closestConferences', () => {
  it('finds a conference from a near slug', () => {
    expect(closestConferences(sampleIndex, 'gopherchina-2016').map((c) => c.slug)).toContain(
      'gopherchina-2017',
    );
    expect(closestConferences(sampleIndex, 'qqqqqqqqqqqqqq')).toEqual([]);
  });
});

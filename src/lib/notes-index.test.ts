import { describe, expect, it } from 'vitest';
import { findConference, findTalk, listTalks, neighbours } from './notes-index';
import { sampleIndex } from './test-data';

describe('notes index helpers', () => {
  it('lists talks in file order across days and conferences', () => {
    expect(listTalks(sampleIndex).map((e) => e.talk.slug)).toEqual([
      'go-in-tidb',
      'nsq-重塑之路',
      'go-在證券行情系統中的應用',
      'the-hidden-pragmas-of-go',
      'keynote',
      'error-handling',
    ]);
  });

  it('finds conferences and talks by slug', () => {
    expect(findConference(sampleIndex, 'gophercon-2018')?.title).toBe('GopherCon 2018');
    expect(findConference(sampleIndex, 'nope')).toBeUndefined();
    const found = findTalk(sampleIndex, 'gopherchina-2017', 'the-hidden-pragmas-of-go');
    expect(found?.day.label).toBe('4/16');
    expect(findTalk(sampleIndex, 'gophercon-2018', 'go-in-tidb')).toBeUndefined();
  });

  it('gives previous and next across day and conference boundaries', () => {
    const middle = neighbours(sampleIndex, 'gopherchina-2017', 'the-hidden-pragmas-of-go');
    expect(middle.previous?.talk.slug).toBe('go-在證券行情系統中的應用');
    expect(middle.next?.talk.slug).toBe('keynote');
    expect(neighbours(sampleIndex, 'gopherchina-2017', 'go-in-tidb').previous).toBeNull();
    expect(neighbours(sampleIndex, 'gophercon-2018', 'error-handling').next).toBeNull();
    expect(neighbours(sampleIndex, 'x', 'y')).toEqual({ previous: null, next: null });
  });
});

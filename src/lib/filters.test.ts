import { describe, expect, it } from 'vitest';
import { countByShow, matchesShow, parseShow } from './filters';
import { sampleIndex } from './test-data';

describe('parseShow', () => {
  it('reads the known filters and defaults to all', () => {
    expect(parseShow('?show=incomplete')).toBe('incomplete');
    expect(parseShow(new URLSearchParams('show=empty'))).toBe('empty');
    expect(parseShow('')).toBe('all');
    expect(parseShow('?show=bogus')).toBe('all');
    expect(parseShow('?show=INCOMPLETE')).toBe('all');
  });
});

describe('matchesShow', () => {
  it('incomplete is partial plus empty; empty only is empty', () => {
    expect(matchesShow('complete', 'all')).toBe(true);
    expect(matchesShow('complete', 'incomplete')).toBe(false);
    expect(matchesShow('partial', 'incomplete')).toBe(true);
    expect(matchesShow('empty', 'incomplete')).toBe(true);
    expect(matchesShow('partial', 'empty')).toBe(false);
    expect(matchesShow('empty', 'empty')).toBe(true);
  });
});

describe('countByShow', () => {
  it('counts every talk of every conference', () => {
    expect(countByShow(sampleIndex)).toEqual({ all: 6, incomplete: 4, empty: 2 });
  });
});

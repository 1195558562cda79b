import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from './last-at-or-before';

describe('lastAtOrBefore', () => {
  it('finds the last value not after the key, in numbers and in strings', () => {
    expect([0, 3, 3, 7].map((_, i, starts) => lastAtOrBefore(starts, starts[i]!))).toEqual([
      0, 2, 2, 3,
    ]);
    expect(lastAtOrBefore([0, 3, 7], 5)).toBe(1);
    expect(lastAtOrBefore([0, 3, 7], 99)).toBe(2);
    expect(lastAtOrBefore(['a', 'go', 'ru'], 'gorout')).toBe(1);
    expect(lastAtOrBefore(['b', 'go'], 'a')).toBe(0);
  });
});

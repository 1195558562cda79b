import { describe, expect, it } from 'vitest';
import { formatDay } from './format-date';

describe('formatDay', () => {
  it('formats an ISO day with its weekday, whatever the time zone', () => {
    expect(formatDay('2017-04-15')).toBe('Sat 15 Apr 2017');
    expect(formatDay('2017-04-16')).toBe('Sun 16 Apr 2017');
  });

  it('returns null for unknown or invalid dates', () => {
    expect(formatDay(null)).toBeNull();
    expect(formatDay('4/15')).toBeNull();
    expect(formatDay('2017-02-30')).toBeNull();
  });
});

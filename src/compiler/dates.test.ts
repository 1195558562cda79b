import { describe, expect, it } from 'vitest';
import { parseDayLabel, yearInText } from './dates.ts';

describe('parseDayLabel', () => {
  it.each([
    ['4/15', 2017, '2017-04-15'],
    ['04/05', 2017, '2017-04-05'],
    ['4-15', 2017, '2017-04-15'],
    ['4.15', 2017, '2017-04-15'],
    ['Day 1 (4/15)', 2017, '2017-04-15'],
    ['April 15', 2017, '2017-04-15'],
    ['Apr 15', 2017, '2017-04-15'],
    ['15 April', 2017, '2017-04-15'],
    ['Saturday, April 15', 2017, '2017-04-15'],
    ['4月15日', 2017, '2017-04-15'],
    ['2/29', 2016, '2016-02-29'],
  ])('%s in %i is %s', (label, year, iso) => {
    expect(parseDayLabel(label, year)).toBe(iso);
  });

  it('reads labels that carry their own year without one', () => {
    expect(parseDayLabel('2017-04-15', null)).toBe('2017-04-15');
    expect(parseDayLabel('2017/4/15', null)).toBe('2017-04-15');
    expect(parseDayLabel('2017年4月15日', null)).toBe('2017-04-15');
  });

  it('returns null without a year, for impossible dates and for non-dates', () => {
    expect(parseDayLabel('4/15', null)).toBeNull();
    expect(parseDayLabel('2/30', 2017)).toBeNull();
    expect(parseDayLabel('2/29', 2017)).toBeNull();
    expect(parseDayLabel('13/1', 2017)).toBeNull();
    expect(parseDayLabel('Day 1', 2017)).toBeNull();
    expect(parseDayLabel('Workshops', 2017)).toBeNull();
    expect(parseDayLabel('', 2017)).toBeNull();
  });
});

describe('yearInText', () => {
  it('finds a four-digit year, not part of a longer number', () => {
    expect(yearInText('GopherChina 2017')).toBe(2017);
    expect(yearInText('COSCUP2019')).toBe(2019);
    expect(yearInText('Room 12017')).toBeNull();
    expect(yearInText('Meetup #42')).toBeNull();
  });
});

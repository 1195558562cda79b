import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyDayLabel, parseDayLabel, yearInText } from './dates.ts';

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
    ['Wednesday 10th May', 2023, '2023-05-10'],
    ['Sat 15 Apr', 2017, '2017-04-15'],
    ['4/15 (Sat)', 2017, '2017-04-15'],
    ['4/15 Keynotes', 2017, '2017-04-15'],
    ['2日目 (4/16)', 2017, '2017-04-16'],
    ['Day 2 (Sat, 4/16)', 2017, '2017-04-16'],
    ['第一天 (4月15日)', 2017, '2017-04-15'],
    ['4月15日（星期六）', 2017, '2017-04-15'],
    ['四月十五日', 2017, '2017-04-15'],
  ])('%s in %i is %s', (label, year, iso) => {
    expect(parseDayLabel(label, year)).toBe(iso);
  });

  it('reads labels that carry their own year without one', () => {
    expect(parseDayLabel('2017-04-15', null)).toBe('2017-04-15');
    expect(parseDayLabel('2017/4/15', null)).toBe('2017-04-15');
    expect(parseDayLabel('2017年4月15日', null)).toBe('2017-04-15');
    expect(parseDayLabel('2017年4月15日（土）', null)).toBe('2017-04-15');
    expect(parseDayLabel('Day 1 (2017/06/09)', null)).toBe('2017-06-09');
    expect(parseDayLabel('2017/06/09 (Day 1)', null)).toBe('2017-06-09');
    expect(parseDayLabel('4/15/17', null)).toBe('2017-04-15');
  });

  it('reads numeric dates month first, as chrono.en does', () => {
    expect(parseDayLabel('9/3/2025', null)).toBe('2025-09-03');
    expect(parseDayLabel('13/1', 2017)).toBeNull();
  });

  it("prefers the label's own year to the one passed", () => {
    expect(parseDayLabel('2017-04-15', 2020)).toBe('2017-04-15');
    expect(parseDayLabel('Day 1 (2017/06/09)', 2020)).toBe('2017-06-09');
  });

  it('returns null without a year, for impossible dates and for non-dates', () => {
    expect(parseDayLabel('4/15', null)).toBeNull();
    expect(parseDayLabel('2/30', 2017)).toBeNull();
    expect(parseDayLabel('2/29', 2017)).toBeNull();
    expect(parseDayLabel('4/31', 2017)).toBeNull();
    expect(parseDayLabel('13/1', 2017)).toBeNull();
    expect(parseDayLabel('Day 1', 2017)).toBeNull();
    expect(parseDayLabel('1日目', 2017)).toBeNull();
    expect(parseDayLabel('第一天', 2017)).toBeNull();
    expect(parseDayLabel('Workshops', 2017)).toBeNull();
    expect(parseDayLabel('', 2017)).toBeNull();
  });

  describe('does not depend on today', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    it.each(['2001-03-01', '2031-12-31'])('gives the same dates on %s', (today) => {
      vi.useFakeTimers({ now: new Date(`${today}T12:00:00Z`) });
      expect(parseDayLabel('2/29', 2016)).toBe('2016-02-29');
      expect(parseDayLabel('12/31', 2017)).toBe('2017-12-31');
      expect(parseDayLabel('Jan 1', 2018)).toBe('2018-01-01');
      expect(classifyDayLabel('2/29')?.kind).toBe('date');
    });
  });

  it('finds no date in talk titles', () => {
    expect(parseDayLabel('Go 1.8 released on 4/15 with plugins and more', 2017)).toBeNull();
    expect(parseDayLabel('Go 1.8', 2017)).toBeNull();
    expect(parseDayLabel('Go 1.8/1.9', 2017)).toBeNull();
    expect(parseDayLabel('The 3/4 problem', 2017)).toBeNull();
    expect(parseDayLabel('2017 in review', 2017)).toBeNull();
  });
});

describe('classifyDayLabel', () => {
  it.each([
    '4/15',
    '9/3/2025',
    '2017-04-15',
    '2017/4/15',
    '4月15日',
    '2017年4月15日',
    '2017年4月15日（土）',
    '四月十五日',
    'April 15',
    'Saturday, April 15',
    'Wednesday 10th May',
    'Sat 15 Apr',
    'Day 1 (2017/06/09)',
    '2017/06/09 (Day 1)',
    '4/15 (Sat)',
    '4/15 Keynotes',
    '4-15',
    '4.15',
  ])('`%s` is a date', (label) => {
    expect(classifyDayLabel(label)?.kind).toBe('date');
  });

  it.each([
    'Day 1',
    'Day One',
    'DAY 3',
    'Day 2 - Workshops',
    'Day 1 (4/15)',
    'Day 2 (Sat, 4/16)',
    '第一天',
    '第1天',
    '第二日',
    '第二天：上午',
    '第一天 (4月15日)',
    '1日目',
    '二日目',
    '2日目 (4/16)',
    'Tag 2',
    'Jour 1',
    'Día 1',
    'Day 0',
    'Day -1',
  ])('`%s` is a day number', (label) => {
    expect(classifyDayLabel(label)?.kind).toBe('day-number');
  });

  it.each([
    'Keynotes',
    'Workshops',
    'Workshop',
    'Lightning Talks',
    'Track A',
    'Track 2',
    'Main Hall',
    'Room 101',
    'Hall B',
    'Morning',
    'Afternoon',
    'Morning sessions',
    'Tutorials',
    'Sponsor talks',
    '基調講演',
    '主題演講',
    '主题演讲',
    '分會場',
    '分会场',
    'ワークショップ',
    'ライトニングトーク',
    'LT',
    '🎤 Keynotes',
    'Keynotes:',
    '1. Workshops',
    '2) Lightning Talks：',
  ])('`%s` is a track', (label) => {
    expect(classifyDayLabel(label)?.kind).toBe('track');
  });

  it.each([
    'Go 1.8',
    'Go 1.8 released on 4/15 with plugins and more',
    'Kubernetes 1.6',
    'Go at 10 years',
    'May the Go be with you',
    'Sunday Funday: building Go',
    'The 12 factor app',
    'Top 10 Go tips',
    'HTTP/2 in Go',
    'v1.2.3',
    '2017 in review',
    '2017',
    'Keynote: Jane Doe',
    'Workshop on Go generics',
    'Room with a view',
    'The 3/4 problem',
    'Go 1.8/1.9',
    '13/1',
    '2/30',
    'Day 1 at Google: lessons learned',
    'A Day 1 retrospective',
    'Building a web server in Go',
    'Go 语言在七牛的实践',
    '',
  ])('`%s` is not a day label', (label) => {
    expect(classifyDayLabel(label)).toBeNull();
  });

  it('gives a short reason quoting what it read', () => {
    expect(classifyDayLabel('4/15')?.reason).toBe('`4/15` is a date');
    expect(classifyDayLabel('4/15 Keynotes')?.reason).toBe('`4/15` is a date');
    expect(classifyDayLabel('Day 1 (2017/06/09)')?.reason).toBe('`2017/06/09` is a date');
    expect(classifyDayLabel('第一天')?.reason).toBe('`第一天` names a day');
    expect(classifyDayLabel('2日目 (4/16)')?.reason).toBe('`2日目` names a day');
    expect(classifyDayLabel('Keynotes')?.reason).toBe('`Keynotes` names a track');
    expect(classifyDayLabel('🎤 Keynotes:')?.reason).toBe('`Keynotes` names a track');
  });

  it('agrees with parseDayLabel: a date label has a date, a talk title has none', () => {
    for (const label of ['4/15', 'Sat 15 Apr', '4月15日', 'Day 1 (4/15)']) {
      expect(parseDayLabel(label, 2017)).not.toBeNull();
    }
    for (const label of ['Go 1.8', 'Top 10 Go tips', 'Keynotes']) {
      expect(parseDayLabel(label, 2017)).toBeNull();
    }
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

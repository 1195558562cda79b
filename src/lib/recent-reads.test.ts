import { describe, expect, it } from 'vitest';
import { addRead, parseRecentReads, RECENT_MAX, RECENT_MS, withinWindow } from './recent-reads';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 26);

describe('recent reads', () => {
  it('puts the talk just read first, once, without changing the list it was given', () => {
    const before = [
      { conference: 'c', talk: 'a', at: now - 2 * DAY },
      { conference: 'c', talk: 'b', at: now - DAY },
    ];
    const after = addRead(before, { conference: 'c', talk: 'a' }, now);
    expect(after).toEqual([
      { conference: 'c', talk: 'a', at: now },
      { conference: 'c', talk: 'b', at: now - DAY },
    ]);
    expect(before).toHaveLength(2);
  });

  it('forgets what was read more than 30 days ago', () => {
    const list = [
      { conference: 'c', talk: 'old', at: now - RECENT_MS - 1 },
      { conference: 'c', talk: 'edge', at: now - RECENT_MS },
    ];
    expect(withinWindow(list, now).map((r) => r.talk)).toEqual(['edge']);
    expect(addRead(list, { conference: 'c', talk: 'new' }, now).map((r) => r.talk)).toEqual([
      'new',
      'edge',
    ]);
  });

  it('keeps at most RECENT_MAX entries, dropping the oldest', () => {
    const many = Array.from({ length: RECENT_MAX }, (_, i) => ({
      conference: 'c',
      talk: `t${i}`,
      at: now - i * 1000,
    }));
    const after = addRead(many, { conference: 'c', talk: 'new' }, now);
    expect(after).toHaveLength(RECENT_MAX);
    expect(after[0]!.talk).toBe('new');
    expect(after.at(-1)!.talk).toBe(`t${RECENT_MAX - 2}`);
  });

  it('keeps only valid stored entries', () => {
    expect(
      parseRecentReads([
        { conference: 'c', talk: 't', at: 1 },
        { conference: 'c', talk: 't', at: 'yesterday' },
        { conference: 'c', talk: 't', at: Number.NaN },
        null,
      ]),
    ).toEqual([{ conference: 'c', talk: 't', at: 1 }]);
    expect(parseRecentReads('x')).toBeNull();
  });
});

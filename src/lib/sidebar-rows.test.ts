import { describe, expect, it } from 'vitest';
import { EXPAND_ALL_MAX_TALKS, sidebarRows, type SidebarRow } from './sidebar-rows';
import { conference, day, notesIndex, sampleIndex, talk } from './test-data';

const none = new Set<string>();

function shape(rows: SidebarRow[]): string[] {
  return rows.map((row) =>
    row.kind === 'conference'
      ? `${row.expanded ? '▾' : '▸'} ${row.conference.slug} (${row.shown})`
      : row.kind === 'day'
        ? `  ${row.day.label || '—'}`
        : `    ${row.talk.slug}${row.current ? ' *' : ''} ${row.position}/${row.setSize}`,
  );
}

/** Enough conferences that only the current one starts expanded. */
const bigIndex = notesIndex(
  Array.from({ length: 3 }, (_, c) =>
    conference(`conf-${c}`, `Conf ${c}`, [
      day('1/1', '2020-01-01', [
        ...Array.from({ length: Math.ceil(EXPAND_ALL_MAX_TALKS / 3) }, (_, t) =>
          talk(`conf-${c}`, `talk-${t}`, `Talk ${t}`, t % 3 === 0 ? 'empty' : 'complete'),
        ),
      ]),
    ]),
  ),
);

describe('sidebarRows', () => {
  it('lists every conference, day and talk of a small index, with positions per day', () => {
    expect(shape(sidebarRows(sampleIndex, { show: 'all', toggled: none }))).toEqual([
      '▾ gopherchina-2017 (4)',
      '  4/15',
      '    go-in-tidb 1/3',
      '    nsq-重塑之路 2/3',
      '    go-在證券行情系統中的應用 3/3',
      '  4/16',
      '    the-hidden-pragmas-of-go 1/1',
      '▾ gophercon-2018 (2)',
      '  —',
      '    keynote 1/2',
      '    error-handling 2/2',
    ]);
  });

  it('filters talks, drops empty days, and keeps the talk being read', () => {
    const rows = sidebarRows(sampleIndex, {
      show: 'empty',
      conference: 'gopherchina-2017',
      talk: 'go-in-tidb',
      toggled: none,
    });
    expect(shape(rows)).toEqual([
      '▾ gopherchina-2017 (3)',
      '  4/15',
      '    go-in-tidb * 1/2',
      '    nsq-重塑之路 2/2',
      '  4/16',
      '    the-hidden-pragmas-of-go 1/1',
      '▾ gophercon-2018 (0)',
    ]);
  });

  it('collapses every conference but the current one in a large index', () => {
    const rows = sidebarRows(bigIndex, {
      show: 'empty',
      conference: 'conf-1',
      talk: 'talk-1',
      toggled: none,
    });
    const headers = rows.filter((r) => r.kind === 'conference');
    expect(headers.map((r) => r.expanded)).toEqual([false, true, false]);
    // A collapsed conference still says how many talks the filter would show.
    expect(headers[0]!.shown).toBe(23);
    expect(rows.filter((r) => r.kind === 'talk' && r.conference.slug !== 'conf-1')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'talk' && r.current)).toHaveLength(1);
  });

  it('flips the default of the conferences the reader toggled', () => {
    const rows = sidebarRows(bigIndex, {
      show: 'all',
      conference: 'conf-1',
      toggled: new Set(['conf-0', 'conf-1']),
    });
    const headers = rows.filter((r) => r.kind === 'conference');
    expect(headers.map((r) => r.expanded)).toEqual([true, false, false]);
  });
});

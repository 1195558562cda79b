import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ShownHit } from '../../../lib/search-run';
import { sameHit, SearchHits } from './search-hits';

function hit(overrides: Partial<ShownHit> = {}): ShownHit {
  return {
    id: 7,
    conference: 'gopherchina-2017',
    talk: 'go-in-tidb',
    talkTitle: 'Go in TiDB',
    day: '4/15',
    status: 'partial',
    headingId: 'gc',
    heading: 'GC',
    talkTitlePieces: [{ text: 'Go in TiDB', match: false }],
    headingPieces: [{ text: 'GC', match: false }],
    snippet: {
      pieces: [
        { text: 'start ', match: false },
        { text: 'goroutine', match: true },
      ],
      before: false,
      after: true,
    },
    ...overrides,
  };
}

describe('sameHit', () => {
  it('holds for a copy (as each keystroke gets from the worker)', () => {
    expect(sameHit(hit(), structuredClone(hit()))).toBe(true);
  });

  it('tells apart another section, other marks and another excerpt', () => {
    expect(sameHit(hit(), hit({ id: 8 }))).toBe(false);
    const marked = [
      { text: 'Go', match: true },
      { text: ' in TiDB', match: false },
    ];
    expect(sameHit(hit(), hit({ talkTitlePieces: marked }))).toBe(false);
    const cut = { ...hit().snippet, before: true };
    expect(sameHit(hit(), hit({ snippet: cut }))).toBe(false);
    const other = { ...hit().snippet, pieces: [{ text: 'start goroutine', match: false }] };
    expect(sameHit(hit(), hit({ snippet: other }))).toBe(false);
  });
});

describe('SearchHits', () => {
  it('lists the hits as options, the active one selected, matches marked', () => {
    const html = renderToStaticMarkup(
      <SearchHits
        hits={[hit(), hit({ id: 9, headingId: null })]}
        active={1}
        listId="l"
        optionId={(index) => `o${index}`}
        conferenceTitles={null}
        onOpen={() => undefined}
        onPoint={() => undefined}
        onScroll={() => undefined}
      />,
    );
    expect(html).toMatch(/^<ul id="l" role="listbox" aria-label="Search results"/);
    expect(html).toContain('id="o0" role="option" aria-selected="false"');
    expect(html).toContain('id="o1" role="option" aria-selected="true"');
    expect(html).toContain('4/15 › GC');
    expect(html).toContain('<mark class="rounded-sm bg-amber-200 px-0.5 text-inherit');
    expect(html).toContain('>goroutine</mark>…');
  });
});

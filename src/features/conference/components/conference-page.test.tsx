import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Conference, NotesIndex } from '../../../compiler/contract';
import { aside, conference, day, notesIndex, talk } from '../../../lib/test-data';
import { markdownTree } from '../../../lib/test-markdown';
import { HomePage } from '../../home/components/home-page';
import { indexQueryOptions } from '../../notes/api/get-index';
import { ConferencePage } from './conference-page';

const C = 'devconf-2019';

/**
 * A file with every place an aside can stand: before the first day, among a day's talks, at the
 * end of a day and after the days; its bodies use heading levels the page must shift.
 */
function withAsides(): Conference {
  const base = conference(C, 'DevConf 2019', [
    day('5/1', '2019-05-01', [
      talk(C, 'opening', 'Opening keynote', 'complete', [10, 14]),
      talk(C, 'rust-in-prod', 'Rust in production', 'partial', [20, 30]),
    ]),
    day('5/2', '2019-05-02', [talk(C, 'closing', 'Closing keynote', 'empty', [50, 52])]),
  ]);
  base.days[0]!.line = 8;
  base.days[1]!.line = 45;
  return {
    ...base,
    asides: [
      aside(
        'Summary',
        'summary',
        3,
        markdownTree('Two days, *one* track.\n\n#### Highlights\n\n- Rust', 4),
      ),
      aside('Coffee break', 'break', 16, null, '2019-05-01'),
      aside('Day one wrap-up', 'retrospective', 40, markdownTree('- good talks', 41), '2019-05-01'),
      aside(
        'References',
        'references',
        60,
        markdownTree('- [slides]()\n- [site](https://example.org)', 61),
      ),
    ],
  };
}

function render(index: NotesIndex, path: string, page = <ConferencePage />) {
  const client = new QueryClient();
  client.setQueryData(indexQueryOptions().queryKey, index);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={page} />
          <Route path="/:conference" element={page} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The page's headings as `h<level> text`, in order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map(
    ([, level, inner]) => `h${level} ${inner!.replace(/<[^>]+>/g, '')}`,
  );
}

describe('ConferencePage', () => {
  it('shows each aside as a named section with its anchor, kind, line and notes, in line order', () => {
    const html = render(notesIndex([withAsides()]), `/${C}`);

    expect(headings(html)).toEqual([
      'h1 DevConf 2019',
      'h2 Summary',
      'h3 Highlights',
      'h2 5/1Wed 1 May 2019',
      'h3 Coffee break',
      'h3 Day one wrap-up',
      'h2 5/2Thu 2 May 2019',
      'h2 References',
    ]);
    for (const id of ['summary', 'coffee-break', 'day-one-wrap-up', 'references']) {
      expect(html).toContain(`aria-labelledby="aside-${id}"`);
      expect(html).toMatch(new RegExp(`<h[23] id="aside-${id}"`));
    }
    expect(html).toContain('<em>one</em>');
    expect(html).toMatch(/>summary<\/span><span>line 3<\/span>/);
    expect(html).toMatch(/>break<\/span><span>line 16<\/span>/);
    expect(html).toMatch(/>retrospective<\/span><span>line 40<\/span>/);

    // The break stands between the two talks it came between, the wrap-up after the day's talks.
    const at = (text: string) => html.indexOf(text);
    expect(at('Opening keynote')).toBeLessThan(at('Coffee break'));
    expect(at('Coffee break')).toBeLessThan(at('Rust in production'));
    expect(at('Rust in production')).toBeLessThan(at('Day one wrap-up'));

    // An empty link is text; a real one opens in a new tab.
    expect(html).toContain('<li><span>slides</span></li>');
    expect(html).toContain('href="https://example.org" target="_blank"');
    expect(html).not.toContain('href=""');
    expect(html).not.toContain('role="note"');
  });

  it('shows the hint for a file in which no talks were found, here and on the home page', () => {
    const empty: Conference = {
      ...conference('scratch', 'Scratch notes', []),
      hint: 'No talks found: write each talk as a `## Talk title` heading, or add `talks: bold` to the front matter',
    };
    const index = notesIndex([empty]);

    const html = render(index, '/scratch');
    expect(html).toMatch(/<div role="note"[^>]*>.*No talks found: write each talk as a /);
    expect(html).toMatch(
      /<code[^>]*>## Talk title<\/code> heading, or add <code[^>]*>talks: bold<\/code>/,
    );

    const home = render(index, '/', <HomePage />);
    expect(home).toContain('role="note"');
    expect(home).toMatch(/<code[^>]*>## Talk title<\/code>/);
  });

  it('shows no hint and no asides when there are none', () => {
    const plain = render(notesIndex([{ ...withAsides(), asides: [] }]), `/${C}`);
    expect(plain).not.toContain('data-aside');
    expect(plain).not.toContain('role="note"');
    expect(headings(plain)).toEqual([
      'h1 DevConf 2019',
      'h2 5/1Wed 1 May 2019',
      'h2 5/2Thu 2 May 2019',
    ]);
  });
});

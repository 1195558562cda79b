import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { markdownTree } from '../../../lib/test-markdown';
import { Intro } from './intro';

describe('Intro', () => {
  it('renders the intro Markdown with its source line', () => {
    const html = renderToStaticMarkup(
      <Intro
        tree={markdownTree('Day one at **the big hall**.\n\n- keynote at 9', 3, false)}
        line={3}
        file="notes/a.md"
      />,
    );
    expect(html).toContain('<strong>the big hall</strong>');
    expect(html).toContain('<li>keynote at 9</li>');
    expect(html).toContain('line 3 of <code>notes/a.md</code>');
  });

  it('puts its headings under the one it stands under, in order, without source lines', () => {
    const html = renderToStaticMarkup(
      <Intro
        tree={markdownTree('## Venue\n\n#### Wi-Fi\n\n- [map]()\n\n##### Password', 5)}
        line={5}
        file="notes/a.md"
        headingLevel={3}
      />,
    );
    expect(html.match(/<h\d/g)).toEqual(['<h3', '<h4', '<h5']);
    expect(html).toContain('<h3>Venue</h3>');
    expect(html).not.toContain('data-line');
    // An empty link is text, not a link to this page.
    expect(html).toContain('<li><span>map</span></li>');
  });

  it('renders nothing for an empty intro and no raw HTML for a hostile one', () => {
    expect(renderToStaticMarkup(<Intro tree={null} line={null} file="x.md" />)).toBe('');
    expect(renderToStaticMarkup(<Intro tree={markdownTree('  \n')} line={1} file="x.md" />)).toBe(
      '',
    );
    const html = renderToStaticMarkup(
      <Intro
        tree={markdownTree('<script>alert(1)</script>\n\n[x](javascript:alert(1))')}
        line={1}
        file="x.md"
      />,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });
});

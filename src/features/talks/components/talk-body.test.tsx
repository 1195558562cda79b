import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Gap, MarkdownTree, OutlineHeading } from '../../../compiler/contract';
import { markdownTree } from '../../../lib/test-markdown';
import Markdown from 'react-markdown';
import { remarkPreparsed } from '../../../lib/remark-preparsed';
import { TalkBody, takeStart } from './talk-body';

function gap(kind: Gap['kind'], line: number, section: string | null = null): Gap {
  return {
    kind,
    line,
    column: 1,
    end: line,
    section,
    sectionId: null,
    id: `gap-${line}`,
    message: `${kind} at ${line}`,
  };
}

// Lines 433-441 of the shipped notes, shortened: the body starts on line 434.
const markdown = ['', '#### 特點', '- 超低延遲', '-', '', '####', '-', '- Reference'].join('\n');
const outline: OutlineHeading[] = [
  { id: '特點', title: '特點', depth: 4, line: 435 },
  { id: 'untitled', title: '', depth: 4, line: 439 },
];

function render(gaps: Gap[], body = markdown) {
  return renderToStaticMarkup(
    <TalkBody tree={markdownTree(body, 434)} outline={outline} gaps={gaps} file="notes/x.md" />,
  );
}

describe('TalkBody', () => {
  it('gives headings their outline ids by source line, as h2 under the page h1, with anchors', () => {
    const html = render([]);
    expect(html).toContain('<h2 id="特點"');
    expect(html).toContain('href="#特點"');
    expect(html).toContain('aria-label="Link to section: 特點"');
    expect(html).toContain('<h2 id="untitled"');
    expect(html).not.toContain('<h4');
  });

  it('places each gap marker where its gap is', () => {
    const html = render([
      gap('empty-talk', 433),
      gap('empty-section', 435, '特點'),
      gap('empty-item', 437, '特點'),
      gap('empty-heading', 439),
      gap('empty-references', 441),
    ]);
    // Talk level: first thing in the body.
    expect(html.indexOf('data-gap="empty-talk"')).toBeLessThan(html.indexOf('<h2'));
    // Section: right after its heading.
    expect(html).toMatch(/<\/h2><div id="gap-435" data-gap="empty-section"/);
    // Item and references: inside the list item.
    expect(html).toMatch(/<li><span id="gap-437" data-gap="empty-item"/);
    expect(html).toMatch(/<li>Reference<span id="gap-441" data-gap="empty-references"/);
    // Empty heading: inside the heading.
    expect(html).toMatch(/<h2 id="untitled"[^>]*><span id="gap-439" data-gap="empty-heading"/);
    expect(html.match(/to fill in/g)).toHaveLength(5);
    expect(html).toContain('line 439');
  });

  it('marks a TODO and an empty link where they are, in words that read as a sentence', () => {
    const body = ['', '#### 特點', '- 超低延遲 TODO', '', 'Slides: [here]() 待補', ''].join('\n');
    const html = render(
      [
        gap('todo', 436, '特點'),
        { ...gap('empty-link', 438, '特點'), sectionId: '特點' },
        { ...gap('todo', 438, '特點'), id: 'gap-438-2', sectionId: '特點' },
      ],
      body,
    );
    // On a list item's line: in the item.
    expect(html).toMatch(/<li>超低延遲 TODO<span id="gap-436" data-gap="todo"/);
    expect(html).toMatch(/to fill in<\/span><span aria-hidden="true">·<\/span><span>TODO<\/span>/);
    // In a paragraph (a line the tree does not mark): after its section's heading, in order.
    expect(html).toMatch(
      /<\/h2><div id="gap-438" data-gap="empty-link".*?<span>empty link<\/span>.*?<\/div><div id="gap-438-2" data-gap="todo"/,
    );
  });

  it('never loses a gap it cannot place: it goes to the top', () => {
    const html = render([gap('empty-section', 999)]);
    expect(html.indexOf('data-gap="empty-section"')).toBeLessThan(html.indexOf('<h2'));
  });

  it('renders no raw HTML and no script links; external links open in a new tab', () => {
    const html = render(
      [],
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://example.org) <b>bold</b>',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org" target="_blank" rel="noopener noreferrer"');
  });

  it('renders no raw HTML even from a tree that has some (a data file tampered with)', () => {
    const tree: MarkdownTree = {
      type: 'root',
      children: [
        ['html', '<img src=x onerror=alert(1)>'],
        ['p', ['html', '<script>alert(1)</script>']],
      ],
    };
    const html = renderToStaticMarkup(
      <TalkBody tree={tree} outline={[]} gaps={[]} file="notes/x.md" />,
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('turns links and images with a dropped URL into text: no empty href or src', () => {
    const html = render(
      [],
      [
        '[js](javascript:alert(1)) [vb](vbscript:x) [data](data:text/html,x) <javascript:alert(1)>',
        '![pic](data:image/png;base64,AAAA) ![ok](/img.png)',
      ].join('\n'),
    );
    expect(html).not.toMatch(/(href|src)="(javascript:|vbscript:|data:|")/);
    // The autolink's text stays readable, as text.
    expect(html).toContain('<span>javascript:alert(1)</span>');
    expect(html).toContain('<span>js</span>');
    expect(html).toContain('<span>pic</span>');
    expect(html).toContain('<img src="/img.png" alt="ok"/>');
  });
});

describe('takeStart', () => {
  const items = Array.from({ length: 100 }, (_, i) => `- item ${i + 1}`).join('\n');
  const element = Markdown({
    remarkPlugins: [[remarkPreparsed, markdownTree(`Intro.\n\n${items}\n\nAfter.`)]],
  });

  it('keeps the first blocks and list items, the same elements as in the whole body', () => {
    const start = takeStart(element, { left: 40 });
    const html = renderToStaticMarkup(<>{start}</>);
    expect(html).toContain('<p>Intro.</p>');
    expect(html.match(/<li/g)).toHaveLength(39);
    expect(html).not.toContain('item 40');
    expect(html).not.toContain('After.');
    // The list keeps its element type and key; its items are the whole body's own elements.
    const whole = (element.props as { children: ReactElement[] }).children;
    const kept = (start as ReactElement<{ children: ReactElement[] }>).props.children;
    const list = kept.find((child) => child?.type === 'ul') as ReactElement<{
      children: unknown[];
    }>;
    const fullList = whole.find((child) => child?.type === 'ul') as ReactElement<{
      children: unknown[];
    }>;
    expect(list.key).toBe(fullList.key);
    expect(list.props.children.every((child, i) => child === fullList.props.children[i])).toBe(
      true,
    );
  });

  it('returns a body that fits as it is', () => {
    expect(takeStart(element, { left: 1000 })).toBe(element);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { expandTree } from '../lib/expand-tree.ts';
import { remarkPreparsed } from '../lib/remark-preparsed.ts';
import { compileSource } from './compile.ts';
import type { MarkdownTree } from './contract.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shipped = readFileSync(path.join(root, 'notes/gopherchina-2017.md'), 'utf8');

/** What react-markdown shows of a tree (lines taken off unless `bare` is false: only the talk page uses them). */
function fromTree(tree: MarkdownTree, bare = true): string {
  const html = renderToStaticMarkup(
    Markdown({ remarkPlugins: [[remarkPreparsed, tree]], skipHtml: true }),
  );
  return bare ? html.replace(/ data-line="\d+"/g, '') : html;
}

/** What react-markdown shows of Markdown text it parses itself. */
function fromText(markdown: string): string {
  return renderToStaticMarkup(
    Markdown({ children: markdown, remarkPlugins: [remarkGfm], skipHtml: true }),
  );
}

function talks(source: string, file = 'notes/x.md') {
  return compileSource(file, source).days.flatMap((d) => d.talks);
}

describe('renderTree', () => {
  it('renders every talk of the shipped notes exactly as react-markdown renders its text', () => {
    const all = talks(shipped, 'notes/gopherchina-2017.md');
    expect(all).toHaveLength(17);
    for (const talk of all) expect(fromTree(talk.tree), talk.title).toBe(fromText(talk.markdown));
  });

  it('renders every kind of Markdown the reader shows exactly as react-markdown renders its text', () => {
    const sink = [
      '3. three',
      '4. four',
      '',
      '- [ ] todo',
      '- [x] done',
      '',
      '- loose',
      '',
      '- list',
      '',
      '* item',
      '  second paragraph? no: lazy line',
      '',
      '  indented paragraph',
      '',
      '| a | b |',
      '|:--|--:|',
      '| `c` | ~~d~~ |',
      '',
      '```go title="x"',
      'func main() {}',
      '```',
      '',
      '> quote with [link](https://example.org "Title") and ![img](/i.png "T")',
      '',
      'Autolink https://example.org, footnote[^1], hard  ',
      'break and *em* **strong** `code`.',
      '',
      '[^1]: The note.',
      '',
      '---',
      '',
      '[ref link][r] and ![ref image][r]',
      '',
      '[r]: https://example.org/r "R"',
    ].join('\n');
    const [talk] = talks(`# C\n## 4/15\n### T\n${sink}\n`);
    expect(fromTree(talk!.tree)).toBe(fromText(talk!.markdown));
  });

  it('keeps source lines on headings and list items, and nothing else of the positions', () => {
    const [talk] = talks('# C\n## 4/15\n### T\n\n#### Part\n- one\n  - two\n');
    const json = JSON.stringify(talk!.tree);
    expect(json).not.toContain('position');
    // The outer item has two children: its `spread: false` says "tight", absent it would not.
    expect(talk!.tree.children).toEqual([
      ['h4', 5, 'Part'],
      ['l', ['li', 6, { spread: false }, ['p', 'one'], ['l', ['li', 7, ['p', 'two']]]]],
    ]);
    expect(fromTree(talk!.tree, false)).toContain('<h4 data-line="5">Part</h4>');
  });

  it('writes text nodes as strings and other nodes as arrays, given back as mdast', () => {
    const [talk] = talks('# C\n## 4/15\n### T\nSome *em* text.\n');
    expect(talk!.tree.children[0]).toEqual(['p', 'Some ', ['i', 'em'], ' text.']);
    expect(expandTree(talk!.tree).children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Some ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
        { type: 'text', value: ' text.' },
      ],
    });
  });

  it('takes pinned ids out of heading text', () => {
    const [talk] = talks('# C\n## 4/15\n### T\n#### Design {#design}\n- x\n#### *Lone* {#lone}\n');
    expect(fromTree(talk!.tree)).toContain('<h4>Design</h4>');
    expect(fromTree(talk!.tree)).toContain('<h4><em>Lone</em></h4>');
    expect(JSON.stringify(talk!.tree)).not.toContain('{#');
  });

  it("resolves a reference to a definition in another talk's part of the file", () => {
    const [first, second] = talks(
      '# C\n## 4/15\n### A\n- see [the docs][docs]\n### B\n- x\n\n[docs]: https://example.org/d\n',
    );
    expect(fromTree(first!.tree)).toContain('<a href="https://example.org/d">the docs</a>');
    expect(fromTree(second!.tree)).not.toContain('<a');
  });

  it('leaves raw HTML out', () => {
    const [talk] = talks('# C\n## 4/15\n### T\n<div>x</div>\n\n- a <b>b</b>\n');
    expect(JSON.stringify(talk!.tree)).not.toContain('"html"');
    expect(fromTree(talk!.tree)).toBe(fromText('\n- a b\n'));
  });
});

import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, scanSplits } from './parse.ts';

/** Lines that open, close or look like fences, HTML blocks, containers and definitions. */
const tricky = fc.constantFrom(
  '```',
  '~~~',
  '  ```',
  '   ~~~',
  '```js',
  '```a`b',
  '````',
  '    ```',
  '\t```',
  '- ```',
  '1. ```',
  '> ```',
  '      ```',
  '<div>',
  '</div>',
  '<span>',
  '  <div>',
  '<script>',
  '</script>',
  '<script>x</script>',
  '<!--',
  '-->',
  '  <!--',
  '<!-- c -->',
  '<?php',
  '?>',
  '<!DOCTYPE x>',
  '<![CDATA[',
  ']]>',
  '<https://a.example>',
  '| a | b |',
  '|---|---|',
  '[ref]: https://a.example',
  '[Ref]: <x> "t"',
  '- [other]: /x',
  '[ref]',
  '[x][ref]',
  '[ REF ][]',
  '[other]',
  '[^n]',
  '[^n]: note',
  '---',
  '===',
);
const plain = fc.constantFrom(
  '# Conf',
  '## 4/15',
  '### Talk',
  '#### Section',
  '######',
  '#5 not a heading',
  ' ### indented',
  '- a',
  '  - b',
  '\t- c',
  '    - d',
  '-',
  '> quote',
  '> ### in a quote',
  '',
  '',
  '   ',
  'text',
  '    indented code',
  '1. one',
  '[link](/x)',
);
const document = fc.record({
  frontMatter: fc.constantFrom('', '---\ntitle: x\n---\n', '---\n### not a heading\n'),
  lines: fc.array(fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: tricky }), {
    minLength: 4,
    maxLength: 60,
    size: 'medium',
  }),
});

describe('parseMarkdown in pieces', () => {
  it('gives the same tree, positions included, as one parse of the whole text', () => {
    let split = 0;
    fc.assert(
      fc.property(document, ({ frontMatter, lines }) => {
        const text = frontMatter + lines.join('\n');
        const whole = parseMarkdown(text);
        const pieces = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1 });
        if (scanSplits(text.split('\n')).splits.length > 0) split++;
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 400 },
    );
    // The generator must exercise the split: most documents are cut somewhere.
    expect(split).toBeGreaterThan(150);
  }, 60_000);

  it('resolves a reference whose definition is in another piece', () => {
    const text =
      '# C\n\n### A\n\n- [slides][s] and [^1]\n\n### B\n\n[s]: https://x.example\n[^1]: a note\n';
    const tree = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1 });
    expect(tree).toEqual(parseMarkdown(text));
    expect(JSON.stringify(tree)).toContain('"linkReference"');
    expect(JSON.stringify(tree)).toContain('"footnoteReference"');
  });
});

describe("parseMarkdown without GFM's literal link scan", () => {
  const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
  /** Bits of URLs, addresses, escapes and references, and the Markdown that can cut or join them. */
  const bit = fc.constantFrom(
    'www.a.example',
    'WWW.A.EXAMPLE',
    'www',
    '.a.example',
    'http',
    'https',
    '://',
    'http://a.example/x',
    'HTTPS://A.EXAMPLE',
    'a@b.example',
    '@',
    'mailto:a@b.example',
    'xmpp:a@b.example/r',
    '&#64;',
    '&commat;',
    '&#46;',
    '&#x3a;',
    '\\@',
    '\\:',
    '\\/',
    '\\.',
    '*',
    '**',
    '`',
    '[',
    '](',
    ')',
    '<',
    '>',
    ' ',
    '  ',
    '\n',
    '\n> ',
    '\n- ',
    '\n   ',
    '\n\n',
    '|',
    'text',
    '中文',
  );

  it('gives the tree remark gives, links from literal URLs and addresses included', () => {
    fc.assert(
      fc.property(fc.array(bit, { minLength: 1, maxLength: 24 }), (bits) => {
        const text = bits.join('');
        expect(parseMarkdown(text)).toEqual(remark.parse(text));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseMarkdown } from './parse.ts';
const line = fc.constantFrom('# H', '## 4/15', '### Talk', '#### S', '######', '#x', ' ### indented', '- a', '  - b', '\t- c', '-', '> q', '> ### in quote', '```', '~~~', '  ```', '```js', 'code', '<div>', '</div>', '<script>', '</script>', '<!--', '-->', '<?php', '?>', '<![CDATA[', ']]>', '<!DOCTYPE x>', '', '   ', 'text', 'Setext', '===', '---', '| a | b |', '|---|---|', '| 1 | 2 |', '[ref]', '[ref][]', '[x][ref]', '[ref]: https://e.com', '[^1]', '[^1]: note', '- [other]: /x', '[other]', '    indented code', '1. one', '2) two', '***', '<https://a.b>', 'https://a.b', '* star', '+ plus', '[link](/x)', '![img](/i.png)');
it('chunked parse equals whole parse', () => {
  fc.assert(fc.property(fc.array(line, { maxLength: 60 }), fc.boolean(), (ls, fm) => {
    const text = (fm ? '---\ntitle: x\n---\n' : '') + ls.join('\n');
    const whole = parseMarkdown(text);
    const pieces = parseMarkdown(text, { chunkAbove: 0, pieceSize: 1 });
    expect(JSON.parse(JSON.stringify(pieces))).toEqual(JSON.parse(JSON.stringify(whole)));
  }), { numRuns: 5000 });
}, 120000);

import { describe, expect, it } from 'vitest';
import { TREE_CODES } from '../compiler/contract';
import { expandTree } from './expand-tree';

describe('expandTree', () => {
  it('gives back the type, depth, line, fields, value and children of compact elements', () => {
    const tree = expandTree({
      type: 'root',
      children: [
        ['h3', 4, 'Title'],
        ['l', { ordered: true, start: 3 }, ['li', 5]],
        ['pre', { lang: 'go' }, 'func main() {}'],
        ['c', ''],
        ['hr'],
        ['footnoteDefinition', { identifier: '1', label: '1' }, ['p', 'x']],
      ],
    });
    expect(tree.children).toEqual([
      {
        type: 'heading',
        depth: 3,
        children: [{ type: 'text', value: 'Title' }],
        data: { hProperties: { dataLine: 4 } },
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        children: [{ type: 'listItem', children: [], data: { hProperties: { dataLine: 5 } } }],
      },
      { type: 'code', lang: 'go', value: 'func main() {}' },
      { type: 'inlineCode', value: '' },
      { type: 'thematicBreak' },
      {
        type: 'footnoteDefinition',
        identifier: '1',
        label: '1',
        children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }],
      },
    ]);
  });

  it('takes no type, children or prototype from the fields of a tampered file', () => {
    const fields = JSON.parse('{"type":"html","children":[],"__proto__":{"polluted":1},"url":"u"}');
    const [link] = expandTree({ type: 'root', children: [['a', fields, 'x']] }).children;
    expect(link).toEqual({ type: 'link', url: 'u', children: [{ type: 'text', value: 'x' }] });
    expect(Object.getPrototypeOf(link)).toBe(Object.prototype);
  });

  it('has one mdast type per short code, none of them an mdast type or a heading code', () => {
    const codes = Object.values(TREE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(Object.keys(TREE_CODES)).not.toContain(code);
      expect(code).not.toMatch(/^h[1-6]$/);
    }
  });
});

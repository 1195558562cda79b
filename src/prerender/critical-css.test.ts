import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLESHEET_META } from '../app/hydration.ts';
import {
  CriticalCss,
  markupSignature,
  structuralRules,
  valuedAttributes,
  withoutUnusedVariables,
} from './critical-css.ts';

const CSS = [
  '.used{color:red}',
  '.unused{color:blue}',
  '.used:hover{color:green}',
  '.used:where(.dark,.dark *){color:white}',
  'li::marker{color:gray}',
  'table{border:1px solid}',
  '@media (min-width:48rem){.wide{display:grid}.other{display:flex}}',
].join('\n');

function page(app: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <title>t</title>
    <link rel="stylesheet" crossorigin href="/base/assets/style-C.css">
  </head>
  <body>
    <div id="root">${app}</div>
    <script type="application/json" id="hydration-data">{"x":"<table class=\\"unused\\">"}</script>
  </body>
</html>`;
}

let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'critical-css-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'assets/style-C.css'), CSS);
});

afterAll(() => rm(dist, { recursive: true, force: true }));

describe('CriticalCss', () => {
  it('inlines the rules the markup uses, their states, dark variants and media, and names the sheet', async () => {
    const html = await new CriticalCss(dist, '/base/').inline(
      page('<ul class="wide"><li class="used">a</li></ul>'),
    );
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).toContain('.used{color:red}');
    expect(css).toContain('.used:hover');
    expect(css).toContain('.dark');
    expect(css).toContain('li::marker');
    expect(css).toContain('.wide{display:grid}');
    expect(css).not.toContain('.unused');
    expect(css).not.toContain('.other');
    // What only the hydration data mentions is not markup.
    expect(css).not.toContain('table');
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).toContain(`<meta name="${STYLESHEET_META}" content="/base/assets/style-C.css" />`);
  });

  it('computes the rules once per signature', async () => {
    const critical = new CriticalCss(dist, '/base/');
    const a = await critical.inline(page('<p class="used">one</p>'));
    const b = await critical.inline(page('<p class="used">two, other text</p>'));
    await critical.inline(page('<table class="used"></table>'));
    expect(critical.computed).toBe(2);
    expect(/<style>[\s\S]*<\/style>/.exec(a)?.[0]).toBe(/<style>[\s\S]*<\/style>/.exec(b)?.[0]);
  });

  it('leaves a page without a stylesheet link as it is', async () => {
    const html = page('<p class="used">x</p>').replace(/<link rel="stylesheet"[^>]*>/, '');
    expect(await new CriticalCss(dist, '/base/').inline(html)).toBe(html);
  });
});

describe('structuralRules', () => {
  it('finds the rules that depend on where elements are, with what a page needs for them', () => {
    const css = [
      '.a{color:red}',
      '@layer utilities{:where(.space-y-1>:not(:last-child)){margin-block-end:4px}.b:hover{color:blue}}',
      '@layer components{.prose-notes>*+*{margin-top:1em}.prose-notes ol{padding:0}}',
      '.x:where(.dark,.dark *){color:white}',
      '.c a:not(.skip){color:green}',
      '@media (width>=40rem){.d li:first-child{margin:0}}',
      '.dark\\:divide-slate-800\\/70>:not(:last-child){border:0}',
    ].join('');
    expect(structuralRules(css)).toEqual([
      {
        needs: ['.space-y-1'],
        rule: ':where(.space-y-1>:not(:last-child)){margin-block-end:4px}',
        css: '@layer utilities{:where(.space-y-1>:not(:last-child)){margin-block-end:4px}}',
      },
      {
        needs: ['.prose-notes'],
        rule: '.prose-notes>*+*{margin-top:1em}',
        css: '@layer components{.prose-notes>*+*{margin-top:1em}}',
      },
      {
        needs: ['.prose-notes', 'ol'],
        rule: '.prose-notes ol{padding:0}',
        css: '@layer components{.prose-notes ol{padding:0}}',
      },
      {
        needs: ['.c', 'a'],
        rule: '.c a:not(.skip){color:green}',
        css: '.c a:not(.skip){color:green}',
      },
      {
        needs: ['.d', 'li'],
        rule: '.d li:first-child{margin:0}',
        css: '@media (width>=40rem){.d li:first-child{margin:0}}',
      },
      {
        needs: ['.dark:divide-slate-800/70'],
        rule: '.dark\\:divide-slate-800\\/70>:not(:last-child){border:0}',
        css: '.dark\\:divide-slate-800\\/70>:not(:last-child){border:0}',
      },
    ]);
  });

  it('go to a page that has what they need, wherever it is, and only once', async () => {
    const sheet = path.join(dist, 'assets/structural.css');
    await writeFile(
      sheet,
      '.list{display:block}:where(.list>:not(:last-child)){margin:4px}.box>*+*{margin-top:1em}.box ol{padding:0}.gone>*+*{x:y}',
    );
    const css = async (app: string) => {
      const html = page(app).replace('style-C.css', 'structural.css');
      const inlined = await new CriticalCss(dist, '/base/').inline(html);
      return /<style>([\s\S]*?)<\/style>/.exec(inlined)?.[1] ?? '';
    };
    // One child and no `ol` inside: the rules still come, for a page of the same shape that has them.
    const one = await css(
      '<ul class="list"><li>a</li></ul><div class="box"><p>x</p></div><ol></ol>',
    );
    expect(one).toContain(':where(.list>:not(:last-child))');
    expect(one).toContain('.box>*+*');
    expect(one).toContain('.box ol');
    expect(one).not.toContain('.gone');
    const two = await css('<div class="box"><p>x</p><p>y</p></div>');
    expect(two.match(/\.box>\*\+\*/g)).toHaveLength(1);
    expect(two).not.toContain('.box ol');
  });
});

describe('withoutUnusedVariables', () => {
  it('takes out the custom properties no rule reads, and nothing else', async () => {
    const css = [
      ':root{--used:red;--chained:var(--used);--unread:blue}',
      '*,:before{--tw-x:initial;--tw-y:initial}',
      '.a{color:var(--chained);--tw-x:1px;border-width:var(--tw-x)}',
      '.b{margin:0}',
      '@media (width>=40rem){.c{padding:var(--tw-x)}}',
    ].join('');
    const out = await withoutUnusedVariables(css);
    expect(out).toContain('--used:red');
    expect(out).toContain('--chained:var(--used)');
    expect(out).toContain('--tw-x:initial');
    expect(out).toContain('--tw-x:1px');
    expect(out).not.toContain('--unread');
    expect(out).not.toContain('--tw-y');
    for (const rule of ['.a{', '.b{margin:0}', '@media (width>=40rem){.c{padding:var(--tw-x)}}']) {
      expect(out).toContain(rule);
    }
  });
});

describe('markupSignature', () => {
  it('is made of element names, classes, attribute names and the values the sheet selects on', () => {
    const valued = valuedAttributes('a[aria-current=page]{color:red}[hidden=until-found]{}');
    expect([...valued]).toEqual(['aria-current', 'hidden']);
    const signature = (app: string) => markupSignature(page(app), valued).split(' ');
    expect(signature('<a class="x y" aria-current="page" href="/p" aria-label="A">A</a>')).toEqual([
      '.x',
      '.y',
      '[aria-current=page]',
      '[aria-label]',
      '[class]',
      '[href]',
      '[id]',
      'a',
      'div',
    ]);
    // Other talks, other labels and links: the same rules.
    expect(signature('<a class="y x" href="/q" aria-label="B" aria-current="page">B</a>')).toEqual(
      signature('<a class="x y" aria-current="page" href="/p" aria-label="A">A</a>'),
    );
  });
});

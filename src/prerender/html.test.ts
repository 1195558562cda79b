import { describe, expect, it } from 'vitest';
import { fillTemplate, preloadsFor, stylesheetLinks } from './html.ts';

const shell = `<!doctype html>
<html lang="en">
  <head>
    <title>Conference notes</title>
    <script type="module" crossorigin src="/base/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/base/assets/shared-B.js">
    <link rel="stylesheet" crossorigin href="/base/assets/style-C.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('fillTemplate', () => {
  it('puts the markup in the root, the title in the head and the state in a JSON block', () => {
    const html = fillTemplate(shell, {
      title: 'Go in TiDB — GopherChina 2017',
      app: '<main>$& $1 text</main>',
      hydration: '{"a":"\\u003c/script>"}',
      preloads: ['<link rel="modulepreload" crossorigin href="/base/assets/talk-D.js">'],
    });
    expect(html).toContain('<title>Go in TiDB — GopherChina 2017</title>');
    expect(html).not.toContain('<title>Conference notes</title>');
    // Replacement patterns in the notes stay literal.
    expect(html).toContain('<div id="root"><main>$& $1 text</main></div>');
    expect(html).toContain(
      '<script type="application/json" id="hydration-data">{"a":"\\u003c/script>"}</script>',
    );
    expect(html.indexOf('talk-D.js')).toBeLessThan(html.indexOf('</head>'));
  });

  it('refuses a shell without the root element', () => {
    expect(() =>
      fillTemplate('<html></html>', { title: '', app: '', hydration: '{}', preloads: [] }),
    ).toThrow(/expected Vite's index.html/);
  });
});

describe('preloadsFor', () => {
  const manifest = {
    'index.html': { file: 'assets/index-A.js', imports: ['_shared-B.js'] },
    '_shared-B.js': { file: 'assets/shared-B.js' },
    'src/talk-page.tsx': { file: 'assets/talk-D.js', imports: ['_shared-B.js', '_markdown-E.js'] },
    '_markdown-E.js': { file: 'assets/markdown-E.js', imports: ['_shared-B.js'] },
  };

  it("lists the route's chunk and what it imports, minus what the shell loads", () => {
    expect(preloadsFor(manifest, 'src/talk-page.tsx', shell, '/base/')).toEqual([
      '<link rel="modulepreload" crossorigin href="/base/assets/talk-D.js">',
      '<link rel="modulepreload" crossorigin href="/base/assets/markdown-E.js">',
    ]);
  });

  it('lists nothing for a module the build does not know', () => {
    expect(preloadsFor(manifest, 'src/nowhere.tsx', shell, '/base/')).toEqual([]);
  });
});

describe('stylesheetLinks', () => {
  it('lists each stylesheet link with its URL', () => {
    expect(stylesheetLinks(shell).map((l) => l.href)).toEqual(['/base/assets/style-C.css']);
  });
});

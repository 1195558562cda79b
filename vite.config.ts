/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { DataResult } from './src/compiler/incremental.ts';
import { notesPlugin } from './src/compiler/vite-plugin.ts';
import { compileHintsPlugin } from './src/prerender/compile-hints.ts';

/** index.html's Content-Security-Policy forbids inline script; the dev server's React Refresh needs one. */
const noCspInDev: Plugin = {
  name: 'no-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

const THEME_SCRIPT = /<script src="([^"]*\/)?theme\.js"><\/script>/;

/**
 * The built page carries public/theme.js's text instead of a link to it, and the CSP allows that
 * one script by its hash: the first paint waits for no second request, and no other inline script
 * runs.
 */
const inlineThemeScript: Plugin = {
  name: 'inline-theme-script',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const code = readFileSync(new URL('./public/theme.js', import.meta.url), 'utf8').trim();
      const hash = createHash('sha256').update(code).digest('base64');
      if (!THEME_SCRIPT.test(html) || !html.includes("script-src 'self'")) {
        throw new Error(
          "index.html: Unexpected head, expected the theme.js script and a CSP with script-src 'self'",
        );
      }
      return html
        .replace(THEME_SCRIPT, () => `<script>${code}</script>`)
        .replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
    },
  },
};

const NO_PARSER = '\0react-markdown-without-parser';

/**
 * The reader renders trees the compiler parsed (src/lib/remark-preparsed.ts), so react-markdown's
 * own Markdown parser (remark-parse: micromark, ~20 KiB gzip) is left out of the browser's code.
 * A stand-in says so if anything ever asks it to parse. The compiler imports remark-parse itself.
 */
const reactMarkdownWithoutParser: Plugin = {
  name: 'react-markdown-without-parser',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'remark-parse' && importer?.includes('/node_modules/react-markdown/')) {
      return NO_PARSER;
    }
    return null;
  },
  load(id) {
    if (id !== NO_PARSER) return null;
    return `export default function remarkParse() {
  this.parser = () => {
    throw new Error('Unexpected Markdown text, expected a tree parsed at build time (remarkPreparsed)');
  };
}`;
  },
};

/**
 * React Router 7's package exports send every bundler to its development build, whose only
 * difference is `ENABLE_DEV_WARNINGS = true` (remix-run/react-router#14102, #12532): its warning
 * code would ship in the browser's. The client build takes the production build it also ships.
 */
const reactRouterProductionBuild: Plugin = {
  name: 'react-router-production-build',
  enforce: 'pre',
  apply: 'build',
  resolveId(source) {
    if (source !== 'react-router') return null;
    const root = path.dirname(createRequire(import.meta.url).resolve('react-router/package.json'));
    return path.join(root, 'dist/production/index.mjs');
  },
};

/** What a stand-in throws: code the reader's Markdown rendering never runs was run after all. */
const NEVER_RUN = (what: string) =>
  `throw new Error("Unexpected call to ${what}, expected none in the reader (vite.config.ts: CLIENT_STAND_INS)")`;

/**
 * Stand-ins, in the client build, for modules of react-markdown's renderer the browser has no
 * use for: parts that never run on the reader's trees (Markdown parsed at build time, raw HTML
 * skipped), 4.6 KiB gzip of a talk page's code, and a polyfill of what every browser the app
 * supports has. `code` gets the folder of the module that imports the part.
 */
const CLIENT_STAND_INS: {
  specifier: string;
  importer: string;
  code: (folder: string) => string;
}[] = [
  // mdast-util-to-hast clones nodes with `@ungap/structured-clone`, which ships its own
  // serializer (~1.5 KiB gzip) and calls the browser's `structuredClone` whenever there is one.
  {
    specifier: '@ungap/structured-clone',
    importer: '/node_modules/mdast-util-to-hast/',
    code: () => 'export default (value) => structuredClone(value);',
  },
  // react-markdown makes a file with a value and never a path or URL.
  {
    specifier: '#minpath',
    importer: '/node_modules/vfile/',
    code: () => `const never = () => { ${NEVER_RUN("vfile's path helpers")} };
export const minpath = { sep: '/', basename: never, dirname: never, extname: never, join: never };`,
  },
  {
    specifier: '#minurl',
    importer: '/node_modules/vfile/',
    code: () => `export const isUrl = () => false;
export const urlToPath = () => { ${NEVER_RUN("vfile's URL helpers")} };`,
  },
  // No element has a `style` string: table cells' alignment arrives as an object.
  {
    specifier: 'style-to-object',
    importer: '/node_modules/hast-util-to-jsx-runtime/',
    code: () =>
      `export default function styleToObject() { ${NEVER_RUN('the style attribute parser')} }`,
  },
  // No tree has an `<svg>` (the app's icons are components, not Markdown): its attribute tables
  // are the HTML ones, which would still render one, with HTML's attribute names.
  {
    specifier: './lib/svg.js',
    importer: '/node_modules/property-information/',
    code: (folder) =>
      `export { html as svg } from ${JSON.stringify(path.join(folder, 'lib/html.js'))};`,
  },
];

const STAND_IN_PREFIX = '\0client-stand-in:';

const clientStandIns: Plugin = {
  name: 'client-stand-ins',
  enforce: 'pre',
  apply: 'build',
  resolveId(source, importer) {
    if (!importer) return null;
    const index = CLIENT_STAND_INS.findIndex(
      (entry) =>
        entry.specifier === source && importer.replaceAll('\\', '/').includes(entry.importer),
    );
    return index === -1 ? null : `${STAND_IN_PREFIX}${index}:${path.dirname(importer)}`;
  },
  load(id) {
    if (!id.startsWith(STAND_IN_PREFIX)) return null;
    const rest = id.slice(STAND_IN_PREFIX.length);
    const colon = rest.indexOf(':');
    return CLIENT_STAND_INS[Number(rest.slice(0, colon))]!.code(rest.slice(colon + 1));
  },
};

/**
 * Writes the plain app shell as `404.html` with the client build. The service worker's precache
 * list is made when that build closes, before the pre-render turns index.html into the home page,
 * so the shell must already be there, under the name the pre-render gives it (with these bytes).
 */
const appShellFile: Plugin = {
  name: 'app-shell-file',
  apply: 'build',
  writeBundle(options, bundle) {
    const html = bundle['index.html'];
    if (html?.type !== 'asset' || !options.dir) return;
    writeFileSync(path.join(options.dir, '404.html'), html.source);
  },
};

/** The header's background in each theme: the installed app's title bar and splash screen. */
const CHROME = { light: '#ffffff', dark: '#020617' }; // index.html's theme-color metas match

/**
 * The installable, offline app (src/service-worker/sw.ts): the web app manifest, icons made from
 * the public folder's favicon.svg, and the worker with its precache list (shell and index only).
 * No inline script for it (see the CSP).
 */
function offlineApp() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/service-worker',
    filename: 'sw.ts',
    // The page registers the worker itself, after it has loaded
    // (src/features/offline/register-worker.ts).
    injectRegister: false,
    manifest: {
      name: 'Conference notes',
      short_name: 'Notes',
      description:
        'Read your conference-talk notes, online or off, and see what is left to fill in.',
      // start_url and scope: the base path (the plugin's defaults).
      display: 'standalone',
      lang: 'en',
      theme_color: CHROME.light,
      background_color: CHROME.light,
    },
    includeAssets: ['favicon.svg'],
    pwaAssets: {
      config: false,
      preset: 'minimal-2023',
      image: 'public/favicon.svg',
      // index.html names its icons itself (the SVG favicon, the Apple touch icon).
      includeHtmlHeadLinks: false,
      injectThemeColor: false,
      overrideManifestIcons: true,
    },
    injectManifest: {
      globPatterns: ['assets/*.{js,css}', '404.html', 'data/index.json'],
      // The index of 10,000 talks is a few MiB: it is the one data file that must be precached.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    },
    integration: {
      // The icons come from the favicon of the build's own public folder (e2e and bench builds
      // have theirs), not from ./public.
      configureOptions(viteConfig, options) {
        if (options.pwaAssets) {
          options.pwaAssets.image = path.join(viteConfig.publicDir, 'favicon.svg');
        }
      },
    },
  });
}

/** Returns a chunk-group test: a module of one of these packages or of one of these `src/` paths. */
function modulesOf(packages: string[], sources: string[]): (id: string) => boolean {
  const pattern = new RegExp(
    [
      ...packages.map((name) => `node_modules/${name}/`),
      ...sources.map((name) => `/src/${name}\\.tsx?$`),
    ].join('|'),
  );
  return (id) => pattern.test(id.replaceAll('\\', '/'));
}

/**
 * The client's chunks, by what a page needs: `core` (React, the router, TanStack Query and the
 * app's data helpers every page uses) and `markdown` (react-markdown's pipeline and the talk
 * body: talk and conference pages, and the talks' prefetch, which needs it), beside the entry
 * and each page's own chunk. Left to itself, the bundler cut a talk's first load into ten files,
 * five of them under 1 KiB: each one a request and its headers (~240 bytes) on the slow profile. Vite's preload helper goes to `core`:
 * wherever it lands, every page imports that chunk at once.
 */
const CORE_MODULES = modulesOf(
  [
    'react',
    'react-dom',
    'scheduler',
    'react-router',
    '@tanstack/react-query',
    '@tanstack/query-core',
    'react-error-boundary',
  ],
  [
    'lib/data-error',
    'lib/notes-index',
    'lib/filters',
    'lib/edit-link',
    'lib/when-idle',
    'config/paths',
    'config/edit',
    'features/notes/api/get-index',
    'features/talks/api/get-talk',
    'features/talks/last-read',
    'components/icon',
    'components/notes-file',
    'hooks/use-show-filter',
    // Shared by the entry (sidebar) and the home page (its list of your talks).
    'features/bookmarks/bookmarks-store',
    // Shared by the talk page and "not available offline".
    'features/talks/components/talk-title',
  ],
);

const CHUNK_GROUPS = [
  {
    name: 'core',
    priority: 20,
    test: (id: string) => id.includes('vite/preload-helper') || CORE_MODULES(id),
  },
  {
    name: 'markdown',
    priority: 10,
    test: modulesOf(
      ['react-markdown'],
      [
        'features/talks/components/talk-body',
        'features/talks/components/gap-marker',
        'features/talks/prefetch-talks',
        'lib/remark-preparsed',
        'lib/expand-tree',
        'lib/rehype-talk',
        'lib/rehype-nested-notes',
      ],
    ),
  },
];

/** What the `conference-notes` commands (src/cli) set; `vite` itself reads the environment. */
export interface AppConfigOptions {
  /** Notes folder or file, absolute or relative to this folder (default: env NOTES_DIR, else `notes`). */
  notes?: string;
  /** Folder the notes' data is written to (default: `public/data`, which the build copies). */
  dataDir?: string;
  /** Path the site is served from, `/sub/` (default: env BASE_PATH, else `/`). */
  base?: string;
  /** The pre-render's server build (`vite build --ssr`). */
  ssr?: boolean;
  /** Called with the notes' data after each full compile. */
  onData?: (result: DataResult) => void;
}

/** This folder: the app's sources, whichever folder the command runs in (a package installed). */
export const APP_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Returns the app's Vite config for `options`; a new object each call. Mutates nothing. */
export function appConfig(options: AppConfigOptions = {}): UserConfig {
  const { ssr = false } = options;
  return {
    root: APP_ROOT,
    base: options.base ?? process.env.BASE_PATH ?? '/',
    plugins: [
      reactMarkdownWithoutParser,
      ...(ssr ? [] : [reactRouterProductionBuild, clientStandIns]),
      react(),
      tailwindcss(),
      notesPlugin({ notes: options.notes, outDir: options.dataDir, onData: options.onData }),
      noCspInDev,
      inlineThemeScript,
      compileHintsPlugin(),
      appShellFile,
      // Neither the pre-render's server build nor the unit tests have a use for the worker.
      ...(ssr || process.env.VITEST ? [] : [offlineApp()]),
    ],
    build: {
      // The pre-render (src/prerender) reads the manifest to preload each page's route chunk; its
      // server build (`--ssr`) needs neither the manifest nor a copy of public/.
      manifest: !ssr,
      copyPublicDir: !ssr,
      // One stylesheet (Tailwind's), which the page carries (pre-rendered pages inline it), so no
      // route chunk lists it as a dependency to fetch again.
      cssCodeSplit: false,
      // Every browser the app supports preloads modules itself.
      modulePreload: { polyfill: false },
      rolldownOptions: ssr ? {} : { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
    },
    // The search worker (src/features/search/worker) is a module file of its own, same origin:
    // the CSP's `script-src 'self'` allows it.
    worker: { format: 'es' },
    test: {
      // Playwright owns e2e/; Vitest must not pick those files up.
      include: ['src/**/*.test.{ts,tsx}'],
    },
  };
}

// https://vite.dev/config/
export default defineConfig(({ isSsrBuild }) => appConfig({ ssr: isSsrBuild }));

/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { notesPlugin } from './src/compiler/vite-plugin.ts';
import { compileHintsPlugin } from './src/prerender/compile-hints.ts';

/** index.html's Content-Security-Policy forbids inline script; the dev server's React Refresh needs one. */
const noCspInDev: Plugin = {
  name: 'no-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// https://vite.dev/config/
export default defineConfig(({ isSsrBuild }) => ({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), tailwindcss(), notesPlugin(), noCspInDev, compileHintsPlugin()],
  build: {
    // The pre-render (src/prerender) reads the manifest to preload each page's route chunk; its
    // server build (`--ssr`) needs neither the manifest nor a copy of public/.
    manifest: !isSsrBuild,
    copyPublicDir: !isSsrBuild,
    // One stylesheet (Tailwind's), which the page carries (pre-rendered pages inline it), so no
    // route chunk lists it as a dependency to fetch again.
    cssCodeSplit: false,
    // Every browser the app supports preloads modules itself.
    modulePreload: { polyfill: false },
  },
  test: {
    // Playwright owns e2e/; Vitest must not pick those files up.
    include: ['src/**/*.test.{ts,tsx}'],
  },
}));

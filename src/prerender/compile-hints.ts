import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints): with
 * `//# allFunctionsCalledOnLoad` first in a script, Chromium compiles all of its functions on a
 * background thread while the file downloads, instead of lazily on the main thread the first time
 * each runs (hydration, the first click). Other engines read a comment. Client chunks only.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite has put its own preload map at the top of the entry chunk.
      order: 'post',
      handler(_options, bundle) {
        if (this.environment.config.consumer !== 'client') return;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, mergeConfig } from 'vite';
import { terminalPath } from '../compiler/compile-notes.ts';
import type { DataResult } from '../compiler/incremental.ts';
import { formatPrerender, prerender } from '../prerender/prerender.ts';
import { appConfig } from '../../vite.config.ts';
import { runDataDir, serverBuildDir } from './app-dirs.ts';
import type { CommandContext } from './notes-folder.ts';

export interface BuildOptions {
  /** Notes folder or file, absolute. */
  notes: string;
  /** Site folder, absolute; emptied first. */
  out: string;
  /** Path the site is served from (`/`, `/sub/`). */
  base: string;
}

/**
 * `conference-notes build`: writes a static site of the notes into `out`: the client build with
 * the notes' data, the server build (into a folder of its own, removed after) and every page
 * pre-rendered. Returns 1 when the notes have errors (the site is still written), else 0.
 * Writes `out`; throws when a build step fails.
 */
export async function runBuild(options: BuildOptions, context: CommandContext): Promise<number> {
  // The server build leaves React to Node's resolution, which picks its development builds
  // (several times slower, and warning) unless told otherwise.
  process.env.NODE_ENV ??= 'production';
  let data: DataResult | null = null;
  const app = appConfig({
    notes: options.notes,
    dataDir: runDataDir(),
    base: options.base,
    onData: (result) => (data = result),
  });
  await build(
    mergeConfig(app, {
      configFile: false,
      build: { outDir: options.out, emptyOutDir: true },
    }),
  );
  const ssr = await serverBuildDir();
  try {
    await build(
      mergeConfig(appConfig({ notes: options.notes, base: options.base, ssr: true }), {
        configFile: false,
        logLevel: 'warn',
        build: { ssr: 'src/entry-server.tsx', outDir: ssr, emptyOutDir: true },
      }),
    );
    // ES modules, wherever the folder is (a folder in node_modules has no package type).
    await writeFile(path.join(ssr, 'package.json'), '{ "type": "module" }\n');
    const result = await prerender({ dist: options.out, ssr });
    const site = terminalPath(options.out, '.', context.cwd);
    process.stdout.write(
      `${formatPrerender(result)}\n` +
        `site: ${site} (served from ${options.base}); try it with \`conference-notes preview ${site}\`\n`,
    );
    for (const page of result.skipped) {
      context.error(
        `${page}: Unexpected file name, expected a plain slug free in the site folder (left to the app shell)`,
      );
    }
  } finally {
    await rm(ssr, { recursive: true, force: true });
  }
  const errors = (data as DataResult | null)?.index.diagnostics.filter(
    (d) => d.severity === 'error',
  );
  return errors && errors.length > 0 ? 1 : 0;
}

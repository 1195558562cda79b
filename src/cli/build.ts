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
 * Runs Vite's client build of the app into `out` with the notes compiled into a temp data folder
 * (copied into `out/data`), and returns that data. Writes `out`; throws when the build fails.
 */
async function buildClient(options: BuildOptions): Promise<DataResult | null> {
  let data: DataResult | null = null;
  const app = appConfig({
    notes: options.notes,
    dataDir: runDataDir(),
    base: options.base,
    onData: (result) => (data = result),
  });
  await build(
    mergeConfig(app, { configFile: false, build: { outDir: options.out, emptyOutDir: true } }),
  );
  return data;
}

/**
 * Runs Vite's server build of the app (the pre-render's renderer) into a new folder and returns
 * it. Writes that folder; throws when the build fails.
 */
async function buildServer(options: BuildOptions): Promise<string> {
  const ssr = await serverBuildDir();
  await build(
    mergeConfig(appConfig({ notes: options.notes, base: options.base, ssr: true }), {
      configFile: false,
      logLevel: 'warn',
      build: { ssr: 'src/entry-server.tsx', outDir: ssr, emptyOutDir: true },
    }),
  );
  // ES modules, wherever the folder is (a folder in node_modules has no package type).
  await writeFile(path.join(ssr, 'package.json'), '{ "type": "module" }\n');
  return ssr;
}

/**
 * `conference-notes build`: writes a static site of the notes into `out`: the client build with
 * the notes' data, then every page pre-rendered by the server build (in a folder of its own,
 * removed after). Returns 1 when the notes have errors (the site is still written), else 0.
 * Writes `out`, stdout and stderr; throws when a build step fails.
 */
export async function runBuild(options: BuildOptions, context: CommandContext): Promise<number> {
  // A site to publish: React's production builds in the bundle (Vite takes NODE_ENV over its
  // mode) and in the pre-render (the server build leaves React to Node's resolution, which picks
  // the development builds, several times slower, unless told otherwise).
  process.env.NODE_ENV = 'production';
  const data = await buildClient(options);
  const ssr = await buildServer(options);
  try {
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
  return data?.index.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

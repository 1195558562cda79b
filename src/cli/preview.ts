import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import { terminalPath } from '../compiler/compile-notes.ts';
import type { CommandContext } from './notes-folder.ts';
import { serverOptions, untilClosed, type ListenOptions } from './serve.ts';

export interface PreviewOptions extends ListenOptions {
  /** The built site's folder, absolute. */
  site: string;
  /** Path the site was built for; read from the site when not given. */
  base?: string;
}

/**
 * Returns the base path a built page loads its scripts from (`/`, `/sub/`), or null when the
 * page has no module script of the build. Pure.
 */
export function siteBase(html: string): string | null {
  return /<script type="module"[^>]*\ssrc="([^"]*\/)assets\//.exec(html)?.[1] ?? null;
}

/**
 * `conference-notes preview`: serves a built site as a static host would (`/a/b` from
 * `a/b.html`, other paths from `index.html`). Returns 1 when `site` is no built site, else 0
 * once stopped.
 */
export async function runPreview(
  options: PreviewOptions,
  context: CommandContext,
): Promise<number> {
  const index = path.join(options.site, 'index.html');
  if (!existsSync(index)) {
    context.error(
      `${terminalPath(options.site, '.', context.cwd)}: Unexpected folder without index.html, expected a site written by \`conference-notes build\``,
    );
    return 1;
  }
  const base = options.base ?? siteBase(readFileSync(index, 'utf8')) ?? '/';
  const server = await preview({
    configFile: false,
    // Any folder but the site itself, which Vite warns about as a build's output.
    root: path.dirname(options.site),
    base,
    build: { outDir: options.site },
    preview: serverOptions(options),
  });
  return untilClosed(server);
}

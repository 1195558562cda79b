import { createServer, mergeConfig } from 'vite';
import { appConfig } from '../../vite.config.ts';
import { runDataDir } from './app-dirs.ts';
import { serverOptions, untilClosed, type ListenOptions } from './serve.ts';

export interface DevOptions extends ListenOptions {
  /** Notes folder or file, absolute. */
  notes: string;
}

/**
 * `conference-notes dev`: serves the reader over the notes, recompiling a file when it changes
 * (the page updates without a reload). Returns 0 once stopped. Writes a temp data folder.
 */
export async function runDev(options: DevOptions): Promise<number> {
  const server = await createServer(
    mergeConfig(appConfig({ notes: options.notes, dataDir: runDataDir() }), {
      configFile: false,
      server: serverOptions(options),
    }),
  );
  await server.listen();
  return untilClosed(server);
}

import type { PreviewServer, ViteDevServer } from 'vite';

/** Where a server listens, as given on the command line. */
export interface ListenOptions {
  port?: number;
  host?: string;
  open: boolean;
}

/** Returns Vite's server options for `options` (a port given is a port required). Pure. */
export function serverOptions(options: ListenOptions) {
  return {
    port: options.port,
    strictPort: options.port !== undefined,
    host: options.host,
    open: options.open,
  };
}

/**
 * Prints the server's URLs and Vite's keyboard shortcuts (`q` quits), and returns a promise of
 * exit code 0 when it closes (`q`, Ctrl+C or SIGTERM). Mutates the process's signal handlers.
 */
export function untilClosed(server: ViteDevServer | PreviewServer): Promise<number> {
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
  return new Promise((resolve) => {
    // Ctrl+C is how a server is stopped: close it (the data folder goes on exit) and report 0.
    const stop = () => void server.close().finally(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.httpServer?.once('close', () => resolve(0));
  });
}

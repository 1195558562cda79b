import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The file a request path names under `root`: itself, `<path>.html`, or `<path>/index.html`. */
function resolveFile(root: string, urlPath: string): string | null {
  const target = path.resolve(root, `.${urlPath}`);
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  for (const candidate of [target, `${target}.html`, path.join(target, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export interface StaticServer {
  /** Origin and base path, e.g. `http://127.0.0.1:41234/notes/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * A static host for a built site under a base path, as GitHub Pages or Netlify would be: pretty
 * URLs (`/a/b` → `a/b.html`), `404.html` for anything else, nothing cached for long. The folder
 * is asked for each request, so a test can deploy another build under the same URL.
 */
export async function startStaticServer(options: {
  base: string;
  root: () => string;
}): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const root = path.resolve(options.root());
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(pathname);
    } catch {
      urlPath = '';
    }
    const file = urlPath.startsWith(options.base)
      ? resolveFile(root, `/${urlPath.slice(options.base.length)}`)
      : null;
    const served = file ?? path.join(root, '404.html');
    response.writeHead(file ? 200 : 404, {
      'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

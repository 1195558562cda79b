import { HYDRATION_ID } from '../app/hydration.ts';

/** The part of Vite's `.vite/manifest.json` the pre-render reads. */
export type ViteManifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/**
 * Returns `<link rel="modulepreload">` tags for a route module's chunk and the chunks it imports,
 * leaving out those the shell already loads. Pure.
 */
export function preloadsFor(
  manifest: ViteManifest,
  routeModule: string,
  shell: string,
  base: string,
): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    if (!shell.includes(chunk.file)) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(routeModule);
  return files.map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`);
}

/** The shell's stylesheet links: the whole tag and its URL. Pure. */
export function stylesheetLinks(shell: string): { tag: string; href: string }[] {
  return [...shell.matchAll(/<link rel="stylesheet"[^>]*?href="([^"]+)"[^>]*>/g)].map((m) => ({
    tag: m[0],
    href: m[1]!,
  }));
}

/**
 * Puts a rendered page into the app shell: its title, its markup in `<div id="root">`, the
 * hydration data as a JSON block (not an inline script) and the route's preloads. Pure.
 */
export function fillTemplate(
  shell: string,
  page: { title: string; app: string; hydration: string; preloads: string[] },
): string {
  const root = '<div id="root"></div>';
  if (!shell.includes(root)) {
    throw new Error(`Unexpected app shell without ${root}, expected Vite's index.html`);
  }
  // Replacement callbacks, so `$&` and friends in the notes stay literal text.
  let html = shell.replace(
    root,
    () =>
      `<div id="root">${page.app}</div>\n    <script type="application/json" id="${HYDRATION_ID}">${page.hydration}</script>`,
  );
  if (page.title)
    html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${page.title}</title>`);
  if (page.preloads.length > 0) {
    html = html.replace('</head>', () => `  ${page.preloads.join('\n    ')}\n  </head>`);
  }
  return html;
}

/**
 * Builds the app a second time, from a notes file full of hostile HTML and links
 * (src/compiler/fixtures/hostile/input.md, also a compiler fixture), into dist-hostile/app, for
 * e2e/hostile.spec.ts. The same steps as `npm run build` (client build, server build,
 * pre-render), with its own public folder so public/data and dist/ stay as they are. Skipped
 * when dist-hostile/app is newer than every input.
 *
 *   tsx e2e/hostile/build-hostile.ts [--force]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'dist-hostile');
export const HOSTILE_NOTES = 'src/compiler/fixtures/hostile/input.md';
const stamp = path.join(out, 'app', 'index.html');

/** Newest modification time under the given paths (files or folders), data folders skipped. */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    const info = statSync(file);
    if (info.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== 'data') visit(path.join(file, entry));
    } else latest = Math.max(latest, info.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return latest;
}

const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'e2e/hostile', 'package.json'];
const fresh = existsSync(stamp) && statSync(stamp).mtimeMs > newest(inputs);
if (fresh && !process.argv.includes('--force')) {
  console.log('hostile build: up to date (dist-hostile/app)');
  process.exit(0);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'public'), { recursive: true });
for (const entry of readdirSync(path.join(root, 'public'))) {
  if (entry !== 'data')
    cpSync(path.join(root, 'public', entry), path.join(out, 'public', entry), { recursive: true });
}

const env = { ...process.env, NOTES_DIR: HOSTILE_NOTES };
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const config = ['--config', 'e2e/hostile/vite.config.ts', '--logLevel', 'warn'];
const run = (command: string, args: string[]) =>
  execFileSync(bin(command), args, { cwd: root, env, stdio: 'inherit' });

// Mirrors the `build` script of package.json.
run('vite', ['build', ...config, '--outDir', 'dist-hostile/app']);
if (existsSync(path.join(root, 'src/entry-server.tsx'))) {
  run('vite', [
    'build',
    ...config,
    '--ssr',
    'src/entry-server.tsx',
    '--outDir',
    'dist-hostile/ssr',
  ]);
  run('tsx', [
    'src/prerender/prerender.ts',
    '--dist',
    'dist-hostile/app',
    '--ssr',
    'dist-hostile/ssr',
  ]);
}
console.log('hostile build: dist-hostile/app');

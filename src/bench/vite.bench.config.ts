import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import appConfig from '../../vite.config.ts';

/**
 * The app's own Vite config with another public folder (env BENCH_PUBLIC_DIR): the notes plugin
 * writes the benchmark corpus's data there, so a benchmark build never touches public/data.
 */
export default defineConfig((env) => {
  const base: UserConfig = typeof appConfig === 'function' ? appConfig(env) : appConfig;
  const publicDir = process.env.BENCH_PUBLIC_DIR;
  if (!publicDir) throw new Error('Unexpected missing BENCH_PUBLIC_DIR, expected a folder');
  return mergeConfig(base, { publicDir });
});

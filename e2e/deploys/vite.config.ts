import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import appConfig from '../../vite.config.ts';

/**
 * The app's own Vite config with the public folder of one deploy (env DEPLOY_PUBLIC_DIR, see
 * build-deploys.ts): the notes plugin writes that build's data there, never to public/data.
 */
export default defineConfig((env) => {
  const base: UserConfig = typeof appConfig === 'function' ? appConfig(env) : appConfig;
  const publicDir = process.env.DEPLOY_PUBLIC_DIR;
  if (!publicDir) throw new Error('Unexpected missing DEPLOY_PUBLIC_DIR, expected a folder');
  return mergeConfig(base, { publicDir });
});

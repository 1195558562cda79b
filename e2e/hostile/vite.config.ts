import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import appConfig from '../../vite.config.ts';

/**
 * The app's own Vite config with the hostile notes' public folder (see build-hostile.ts): the
 * notes plugin writes its data there, so this build never touches public/data.
 */
export default defineConfig((env) => {
  const base: UserConfig = typeof appConfig === 'function' ? appConfig(env) : appConfig;
  return mergeConfig(base, { publicDir: 'dist-hostile/public' });
});

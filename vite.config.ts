/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { notesPlugin } from './src/compiler/vite-plugin.ts';

// https://vite.dev/config/
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), tailwindcss(), notesPlugin()],
  test: {
    // Playwright owns e2e/; Vitest must not pick those files up.
    include: ['src/**/*.test.{ts,tsx}'],
  },
});

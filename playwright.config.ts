import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/support/find-chromium';

/** `E2E_PORT` lets two checkouts run their end-to-end tests side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The app built from hostile notes (e2e/hostile/build-hostile.ts), served apart. */
const HOSTILE_PORT = PORT + 1;
/** The dev server over a copy of notes, for filling gaps from the reader (e2e/fill-in). */
const FILL_IN_PORT = PORT + 2;

// Runs against the production build: `npm run build` first (the test command does).
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      // Phone-only tests need the phone viewport; the phone project runs them.
      grepInvert: /@phone/,
      testIgnore: /(hostile|fill-in|packed)\.spec\.ts/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], channel: undefined },
      grep: /@phone/,
      testIgnore: /(hostile|fill-in|packed)\.spec\.ts/,
    },
    {
      name: 'fill-in',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        baseURL: `http://127.0.0.1:${FILL_IN_PORT}`,
      },
      testMatch: /fill-in\.spec\.ts/,
    },
    {
      name: 'hostile',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        baseURL: `http://127.0.0.1:${HOSTILE_PORT}`,
      },
      testMatch: /hostile\.spec\.ts/,
    },
    {
      // npm install and a build of the packed package: after the others, whose timings its
      // CPU use would upset on a 2-core machine.
      name: 'packed',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testMatch: /packed\.spec\.ts/,
      dependencies: ['desktop', 'phone', 'hostile', 'fill-in'],
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Builds dist-hostile/app when it is older than the sources, then serves it.
      command: `npx tsx e2e/hostile/build-hostile.ts && npx vite preview --outDir dist-hostile/app --port ${HOSTILE_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${HOSTILE_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      // The dev server (the only one that writes notes) over a fresh copy of notes.
      command: `npx tsx e2e/fill-in/notes.ts && npx vite --port ${FILL_IN_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${FILL_IN_PORT}`,
      env: { NOTES_DIR: 'e2e-tmp/fill-in-notes', NOTES_DATA_DIR: 'e2e-tmp/fill-in-data' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});

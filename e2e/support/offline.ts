import { expect, type Page } from '@playwright/test';

/** Waits until the service worker controls the page (it registers after the page has loaded). */
export async function waitForWorker(page: Page): Promise<void> {
  // Polled with evaluate: the app's CSP forbids the string eval that waitForFunction would use.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 20_000,
    })
    .toBe(true);
}

/** The URL paths (decoded) of the talk documents kept on this device for reading offline. */
export function keptTalks(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('notes-talks:'));
    const paths: string[] = [];
    for (const name of names) {
      for (const request of await (await caches.open(name)).keys()) {
        paths.push(decodeURIComponent(new URL(request.url).pathname));
      }
    }
    return paths.sort();
  });
}

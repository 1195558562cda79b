import { expect, type Page } from '@playwright/test';

/**
 * Waits until a pre-rendered page has hydrated: its markup shows before the app listens for keys
 * (`/`, ← and →), and a key pressed then does nothing (on a loaded machine, tests pressed it
 * first). React's fiber on the Search button says hydration reached it; effects (the key
 * listeners) run a task after the frame.
 */
export async function waitForHydration(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Search' }).first();
  await expect(button).toBeVisible();
  await expect
    .poll(() => button.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber'))))
    .toBe(true);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
}

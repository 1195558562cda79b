import { expect, test, type Page } from '@playwright/test';
import { talkPath, TALKS } from './support/notes';

// Documentation screenshots, not a test of behaviour: `SCREENSHOTS=1 npx playwright test
// --project=desktop e2e/screenshots.spec.ts` writes docs/screenshots/*.png.
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to write docs/screenshots');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`@screenshots ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test(`desktop ${scheme}`, async ({ page }) => {
      await page.setViewportSize(DESKTOP);
      await page.goto(talkPath(TALKS.securities, '?show=incomplete'));
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/desktop-${scheme}.png` });

      await page.goto('/');
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/home-desktop-${scheme}.png` });
    });

    test(`phone ${scheme}`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(talkPath(TALKS.securities));
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/phone-${scheme}.png` });

      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/phone-menu-${scheme}.png` });
    });
  });
}

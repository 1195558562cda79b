import { seriousViolations } from './support/checks';
import { expect, test } from '@playwright/test';
import { talkPath, TALKS } from './support/notes';

const PAGES = [
  { name: 'home', path: '/', ready: 'Conference notes' },
  { name: 'partial talk', path: talkPath(TALKS.securities), ready: TALKS.securities.title },
  { name: 'empty talk', path: talkPath(TALKS.pragmas), ready: TALKS.pragmas.title },
  { name: 'conference', path: '/gopherchina-2017', ready: 'GopherChina 2017' },
  { name: 'not found', path: '/gopherchina-2017/nope', ready: 'Page not found' },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    for (const { name, path, ready } of PAGES) {
      test(`${name} has no serious or critical violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(ready);
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

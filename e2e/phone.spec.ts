import { expect, test } from '@playwright/test';
import { talkPath, TALKS } from './support/notes';

test('@phone the sidebar is a drawer behind the Menu button', async ({ page }) => {
  await page.goto(talkPath(TALKS.tidb));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
  // No sidebar until the menu opens; the reading pane is not squeezed.
  await expect(page.getByRole('navigation', { name: 'Talks', exact: true })).toHaveCount(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await expect(drawer).toBeVisible();
  const talks = drawer.getByRole('navigation', { name: 'Talks', exact: true });
  await expect(talks.getByRole('link', { name: TALKS.tidb.title, exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Esc closes it and focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  // Choosing a talk navigates and closes the drawer.
  await menu.click();
  await talks.getByRole('link', { name: TALKS.securities.title, exact: true }).click();
  await expect(page).toHaveURL(talkPath(TALKS.securities));
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.securities.title);

  // The close button works too.
  await menu.click();
  await drawer.getByRole('button', { name: 'Close menu' }).click();
  await expect(drawer).toBeHidden();
});

test('@phone the filter works from the drawer', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await drawer.getByRole('link', { name: 'Incomplete 12' }).click();
  await expect(page).toHaveURL('/?show=incomplete');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(
    drawer.getByRole('navigation', { name: 'Talks', exact: true }).getByRole('listitem'),
  ).toHaveCount(12);
});

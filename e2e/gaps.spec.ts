import { expect, test } from '@playwright/test';
import { COUNTS, sidebar, talkLink, talkPath, TALKS } from './support/notes';

function filter(page: import('@playwright/test').Page) {
  return page.getByRole('group', { name: 'Show talks' });
}

test('the filter shows counts, lives in the URL and survives navigation', async ({ page }) => {
  await page.goto('/');
  const group = filter(page);
  await expect(group.getByRole('link', { name: `All ${COUNTS.all}` })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await group.getByRole('link', { name: `Incomplete ${COUNTS.incomplete}` }).click();
  await expect(page).toHaveURL('/?show=incomplete');
  const nav = sidebar(page);
  await expect(nav.getByRole('listitem')).toHaveCount(COUNTS.incomplete);
  await expect(nav.getByRole('img', { name: 'Complete' })).toHaveCount(0);

  // Open a talk: the filter stays on.
  await talkLink(page, TALKS.securities.title).click();
  await expect(page).toHaveURL(talkPath(TALKS.securities, '?show=incomplete'));
  await expect(nav.getByRole('listitem')).toHaveCount(COUNTS.incomplete);
  await expect(
    group.getByRole('link', { name: `Incomplete ${COUNTS.incomplete}` }),
  ).toHaveAttribute('aria-current', 'true');

  // Empty only, on the same talk page.
  await group.getByRole('link', { name: `Empty only ${COUNTS.empty}` }).click();
  await expect(page).toHaveURL(talkPath(TALKS.securities, '?show=empty'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.securities.title);
  // The partial talk being read stays listed so the reader keeps their place.
  await expect(nav.getByRole('listitem')).toHaveCount(COUNTS.empty + 1);
  await expect(nav.getByRole('img', { name: /^Empty/ })).toHaveCount(COUNTS.empty);

  // A bookmarked filtered view opens filtered.
  await page.goto('/?show=empty');
  await expect(nav.getByRole('listitem')).toHaveCount(COUNTS.empty);
  await group.getByRole('link', { name: `All ${COUNTS.all}` }).click();
  await expect(page).toHaveURL('/');
  await expect(nav.getByRole('listitem')).toHaveCount(COUNTS.all);
});

test('home shows completion per conference and the incomplete count', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main).toContainText(`${COUNTS.all} talks`);
  await expect(main).toContainText(`${COUNTS.incomplete} incomplete`);
  await expect(main).toContainText('5 complete');
  await expect(main).toContainText(`${COUNTS.partial} partial`);
  await expect(main).toContainText(`${COUNTS.empty} empty`);
});

test('the conference page lists days and talks with statuses and gap counts', async ({ page }) => {
  await page.goto('/gopherchina-2017');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('GopherChina 2017');
  await expect(main.getByRole('heading', { level: 2, name: /4\/15/ })).toContainText(
    'Sat 15 Apr 2017',
  );
  await expect(main.getByRole('link')).toHaveCount(COUNTS.all);
  const row = main.getByRole('listitem').filter({ hasText: TALKS.securities.title });
  await expect(row).toContainText('3 gaps');
  await expect(row.getByRole('img', { name: 'Partial: 3 gaps' })).toBeVisible();
});

test('gap markers sit where the gaps are, and the summary jumps to them', async ({ page }) => {
  await page.goto(talkPath(TALKS.securities));
  const main = page.getByRole('main');
  const markers = main.locator('[data-gap]');
  await expect(markers).toHaveCount(3);
  await expect(main.locator('[data-gap="empty-item"]')).toHaveCount(1);
  await expect(main.locator('[data-gap="empty-heading"]')).toHaveCount(2);

  const item = main.locator('li > [data-gap="empty-item"]');
  await expect(item).toContainText('to fill in');
  await expect(item).toContainText('line 453');
  await expect(main.locator('h2 > [data-gap="empty-heading"]').first()).toContainText('line 455');

  const summary = main.getByRole('region', { name: '3 gaps to fill in' });
  const links = summary.getByRole('link');
  await expect(links).toHaveCount(3);
  await links.nth(2).click();
  await expect(page).toHaveURL(/#gap-461$/);
  await expect(main.locator('#gap-461')).toBeInViewport();
});

test('an empty talk is marked at the top, and sections after their heading', async ({ page }) => {
  await page.goto(talkPath(TALKS.pragmas));
  const main = page.getByRole('main');
  await expect(main.locator('[data-gap]')).toHaveCount(5);
  await expect(main.locator('[data-gap="empty-talk"]')).toContainText('line 318');
  const section = page.getByRole('heading', { name: /^Go has pragmas/ });
  // The empty-section marker follows its heading.
  await expect(section.locator('xpath=following-sibling::*[1]')).toHaveAttribute(
    'data-gap',
    'empty-section',
  );
});

test('an empty reference list is marked on its item', async ({ page }) => {
  await page.goto(
    `/gopherchina-2017/${encodeURIComponent('基於-go-的微服務架構-spring-開發者視角')}`,
  );
  const marker = page.getByRole('main').locator('li > [data-gap="empty-references"]');
  await expect(marker).toContainText('empty references');
  await expect(marker).toContainText('line 143');
});

test('a complete talk has no gap summary and no markers', async ({ page }) => {
  await page.goto(talkPath(TALKS.tidb));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
  await expect(page.locator('[data-gap]')).toHaveCount(0);
  await expect(page.getByRole('region', { name: /to fill in/ })).toHaveCount(0);
});

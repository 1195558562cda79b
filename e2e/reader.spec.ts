import { expect, test } from '@playwright/test';
import { waitForHydration } from './support/hydrated';
import { CONFERENCE, sidebar, talkLink, talkPath, TALKS } from './support/notes';

test('opens a talk from the sidebar and marks it current', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Conference notes' })).toBeVisible();
  await talkLink(page, TALKS.tidb.title).click();

  await expect(page).toHaveURL(talkPath(TALKS.tidb));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveTitle(`${TALKS.tidb.title} — ${CONFERENCE.title}`);
  await expect(talkLink(page, TALKS.tidb.title)).toHaveAttribute('aria-current', 'page');
  await expect(main).toContainText('4/15');
  await expect(main).toContainText('Sat 15 Apr 2017');
  await expect(main).toContainText('line 30 of gopherchina-2017.md');
  // Notes render as Markdown, external links open safely in a new tab.
  const link = main.getByRole('link', { name: /^tidb/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('a deep link to a CJK talk works on first load and on reload', async ({ page }) => {
  await page.goto(talkPath(TALKS.securities));
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(TALKS.securities.title);
  await page.reload();
  await expect(title).toHaveText(TALKS.securities.title);
  await expect(talkLink(page, TALKS.securities.title)).toHaveAttribute('aria-current', 'page');
  await expect(talkLink(page, TALKS.securities.title)).toBeInViewport();
});

test('sidebar lists days with dates and completion, and statuses with names', async ({ page }) => {
  await page.goto('/');
  const nav = sidebar(page);
  await expect(nav).toContainText('Sat 15 Apr 2017');
  await expect(nav).toContainText('3 of 8 complete');
  await expect(nav).toContainText('Sun 16 Apr 2017');
  await expect(nav).toContainText('2 of 9 complete');
  await expect(nav.getByRole('img', { name: 'Complete' })).toHaveCount(5);
  await expect(nav.getByRole('img', { name: /^Partial: \d+ gaps?$/ })).toHaveCount(6);
  await expect(nav.getByRole('img', { name: /^Empty: \d+ gaps?$/ })).toHaveCount(6);
  await expect(nav.getByRole('img', { name: 'Partial: 3 gaps' })).toHaveCount(1);
});

test('a #heading in the URL scrolls to it, and each heading has a copy-link anchor', async ({
  page,
}) => {
  await page.goto(talkPath(TALKS.grab, '#go-常見的問題'));
  const heading = page.getByRole('heading', { name: 'Go 常見的問題' });
  await expect(heading).toBeInViewport();
  await expect(heading).toHaveAttribute('id', 'go-常見的問題');

  const anchor = page.getByRole('link', { name: 'Link to section: Testing' });
  await expect(anchor).toHaveAttribute('href', '#testing');
  await anchor.click();
  await expect(page).toHaveURL(/#testing$/);
  await expect(page.getByRole('heading', { name: 'Testing' })).toBeInViewport();
});

test('the table of contents lists the sections on wide screens', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(talkPath(TALKS.grab));
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link')).toHaveCount(8);
  await toc.getByRole('link', { name: 'Distributed Tracing' }).click();
  await expect(page.getByRole('heading', { name: 'Distributed Tracing' })).toBeInViewport();
});

test('← and → move between talks, but not while typing or with modifiers', async ({ page }) => {
  await page.goto(talkPath(TALKS.tidb));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
  // The pre-rendered page shows before the app listens for keys (a fresh clone pressed first).
  await waitForHydration(page);

  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(talkPath(TALKS.codingStyle));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.codingStyle.title);

  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page).toHaveURL(talkPath(TALKS.codingStyle));

  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(talkPath(TALKS.tidb));

  // The previous / next links at the bottom do the same. A long talk shows its first screenful
  // at once and the rest a frame later, which moves the links down: wait for its last line.
  await expect(page.getByRole('link', { name: '分佈式數據庫 TiDB 過去現在和未來' })).toBeAttached();
  const next = page
    .getByRole('navigation', { name: 'Previous and next talks' })
    .getByRole('link', { name: new RegExp(`Next talk ${TALKS.codingStyle.title}`) });
  // Scrolled to, the blocks above it are laid out for the first time (content-visibility) and
  // may move it a few frames later: click once it has stayed put, as a person would.
  await next.scrollIntoViewIfNeeded();
  let last = '';
  await expect
    .poll(async () => {
      const box = JSON.stringify(await next.boundingBox());
      const still = box === last;
      last = box;
      return still;
    })
    .toBe(true);
  await next.click();
  await expect(page).toHaveURL(talkPath(TALKS.codingStyle));
});

test('a new page opens at its top, and Back returns to where the last one was left', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto(talkPath(TALKS.grab));
  await page.mouse.wheel(0, 600);
  // Blocks above the fold laid out for the first time as they come near (content-visibility) can
  // still move the page a little (scroll anchoring: 600 → 619 once in CI): where it holds still.
  let left = -1;
  await expect
    .poll(async () => {
      const before = left;
      left = await page.evaluate(async () => {
        for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
        return window.scrollY;
      });
      return left > 300 && left === before;
    })
    .toBe(true);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(TALKS.grab.title);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.grab.title);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(left);
});

test('arrow keys do nothing at either end of the notes', async ({ page }) => {
  await page.goto(talkPath(TALKS.first));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.first.title);
  await page.keyboard.press('ArrowLeft');
  await page.goto(talkPath(TALKS.last));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(talkPath(TALKS.last));
  await expect(
    page.getByRole('navigation', { name: 'Previous and next talks' }).getByRole('link'),
  ).toHaveCount(1);
});

test('an unknown talk shows not found with the closest talks and a way home', async ({ page }) => {
  await page.goto(`/${CONFERENCE.slug}/go-in-tibd`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Not found/);
  const suggestions = page.getByRole('region', { name: 'Did you mean' });
  await expect(suggestions.getByRole('link').first()).toHaveText(TALKS.tidb.title);
  // The sidebar keeps working on a not-found page.
  await expect(sidebar(page)).toBeVisible();
  await suggestions.getByRole('link', { name: TALKS.tidb.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
});

test('an unknown conference and an unknown path say so too', async ({ page }) => {
  await page.goto('/gopherchina-2016');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('region', { name: 'Conferences' }).getByRole('link')).toHaveText(
    CONFERENCE.title,
  );

  await page.goto('/a/b/the-hidden-pragma');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(
    page.getByRole('region', { name: 'Did you mean' }).getByRole('link').first(),
  ).toHaveText(TALKS.pragmas.title);
  await page.getByRole('link', { name: 'Go to all conferences' }).click();
  await expect(page).toHaveURL('/');
});

// Data failures (talk JSON missing, failing, corrupt; index corrupt or missing): data-errors.spec.ts.

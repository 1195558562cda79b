import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { waitForHydration } from './support/hydrated';
import { sidebar, talkLink, talkPath, TALKS } from './support/notes';

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('follows the system, toggles, and is remembered', async ({ page }) => {
    await page.goto('/');
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(html).not.toHaveClass(/dark/);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    // The pre-rendered button is there before the app listens to it (a click then is lost).
    await waitForHydration(page);
    await toggle.click();
    await expect(html).toHaveClass(/dark/);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await expect(html).toHaveClass(/dark/);
    await waitForHydration(page);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(html).not.toHaveClass(/dark/);
  });
});

test.describe('system dark', () => {
  test.use({ colorScheme: 'dark' });

  test('starts dark when the system is dark', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});

test('a star bookmarks a talk; the list keeps it and exports Markdown', async ({ page }) => {
  await page.goto('/');
  const bookmarks = page.getByRole('navigation', { name: 'Bookmarks' });
  await expect(bookmarks).toContainText('Star a talk');

  const star = sidebar(page).getByRole('button', { name: `Bookmark ${TALKS.pragmas.title}` });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await sidebar(page)
    .getByRole('button', { name: `Bookmark ${TALKS.tidb.title}` })
    .click();

  await expect(bookmarks.getByRole('link')).toHaveText([TALKS.pragmas.title, TALKS.tidb.title]);

  await page.reload();
  await expect(bookmarks.getByRole('link')).toHaveCount(2);
  await bookmarks.getByRole('link', { name: TALKS.tidb.title }).click();
  await expect(page).toHaveURL(talkPath(TALKS.tidb));

  const download = page.waitForEvent('download');
  await bookmarks.getByRole('button', { name: 'Download bookmarks as Markdown' }).click();
  const file = await (await download).path();
  const markdown = await readFile(file, 'utf8');
  expect(markdown).toContain(
    `- [The hidden #pragma's of Go](${new URL(page.url()).origin}/gopherchina-2017/the-hidden-pragmas-of-go) — GopherChina 2017`,
  );
  expect(markdown).toContain(
    `[Go in TiDB](${new URL(page.url()).origin}/gopherchina-2017/go-in-tidb)`,
  );

  // The star in the reading pane is the same bookmark.
  const paneStar = page
    .getByRole('main')
    .getByRole('button', { name: `Bookmark ${TALKS.tidb.title}` });
  await expect(paneStar).toHaveAttribute('aria-pressed', 'true');
  await bookmarks
    .getByRole('button', { name: `Remove ${TALKS.tidb.title} from bookmarks` })
    .click();
  await expect(paneStar).toHaveAttribute('aria-pressed', 'false');
  await expect(bookmarks.getByRole('link')).toHaveText([TALKS.pragmas.title]);
});

test('home offers to continue with the last talk read', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Continue where you left off' })).toHaveCount(0);
  await talkLink(page, TALKS.grab.title).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.grab.title);

  await page.goto('/');
  const resume = page.getByRole('region', { name: 'Continue where you left off' });
  await resume.getByRole('link', { name: TALKS.grab.title }).click();
  await expect(page).toHaveURL(talkPath(TALKS.grab));
});

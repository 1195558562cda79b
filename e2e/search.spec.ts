import { seriousViolations } from './support/checks';
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './support/hydrated';
import { CONFERENCE, TALKS, talkPath } from './support/notes';

function searchDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Search' });
}

function searchInput(page: Page) {
  return searchDialog(page).getByRole('combobox', { name: 'Search notes' });
}

function results(page: Page) {
  return searchDialog(page).getByRole('listbox', { name: 'Search results' }).getByRole('option');
}

/** Opens the app on a page, once it listens for keys (see `waitForHydration`). */
async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await waitForHydration(page);
}

test.describe('search', () => {
  test('`/` opens it; a CJK word from mid-sentence is found, marked, and Enter opens its section', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('/');
    await expect(searchInput(page)).toBeFocused();

    await page.keyboard.type('全局唯一');
    await expect(results(page)).toHaveCount(1);
    const hit = results(page).first();
    await expect(hit).toContainText(TALKS.grab.title);
    await expect(hit).toContainText('Distributed Tracing');
    await expect(hit.locator('mark')).toHaveText(['全局唯一']);
    await expect(hit).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('Enter');
    await expect(searchDialog(page)).toBeHidden();
    await expect(page).toHaveURL(`${talkPath(TALKS.grab)}#distributed-tracing`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.grab.title);
    await expect(page.getByRole('heading', { name: 'Distributed Tracing' })).toBeInViewport();
  });

  test('a long list of results comes a page at a time, every listed one shown', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('/');
    // "Go" is in most talks: more results than one page.
    await searchInput(page).fill('go');
    const status = searchDialog(page).getByRole('status');
    await expect(status).toHaveText('10+ results.');
    await expect(results(page)).toHaveCount(10);
    await searchDialog(page).getByRole('button', { name: 'Show more results' }).click();
    await expect(status).toHaveText(/^(1[1-9]|20)\+? results/);
    const count = Number(/^(\d+)/.exec((await status.textContent()) ?? '')![1]);
    expect(count).toBeGreaterThan(10);
    await expect(results(page)).toHaveCount(count);
    // The first page stays where it was: the new results come after it.
    await expect(results(page).first()).toHaveAttribute('aria-selected', 'true');
  });

  test('Ctrl+K opens it; arrows move through results; prefix and typo find goroutine', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('Control+k');
    await expect(searchInput(page)).toBeFocused();

    await searchInput(page).fill('gorout');
    await expect(results(page)).toHaveCount(2);
    await expect(results(page).first()).toContainText(TALKS.tidb.title);
    await expect(results(page).first().locator('mark').first()).toHaveText(/^goroutine$/i);

    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(searchInput(page)).toHaveAttribute(
      'aria-activedescendant',
      (await results(page).nth(1).getAttribute('id'))!,
    );
    await page.keyboard.press('ArrowDown');
    await expect(results(page).first()).toHaveAttribute('aria-selected', 'true');

    await searchInput(page).fill('goroutien');
    await expect(results(page).first()).toContainText(TALKS.tidb.title);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(talkPath(TALKS.tidb));
  });

  test("typed key by key, it lists the last text's hits; an emptied box starts afresh", async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('/');
    await expect(searchInput(page)).toBeFocused();
    // Each key's search replaces the one before (which is cancelled if still running).
    await page.keyboard.type('gorout');
    const status = searchDialog(page).getByRole('status');
    await expect(status).toHaveText('2 results.');
    await expect(status).toHaveAttribute('aria-busy', 'false');
    await expect(results(page).first()).toContainText(TALKS.tidb.title);

    await searchInput(page).fill('');
    await expect(results(page)).toHaveCount(0);
    // The hits of before the box was emptied do not come back while a new letter is searched.
    await page.evaluate(() => {
      const seen = window as unknown as { sawList: boolean };
      seen.sawList = false;
      new MutationObserver(() => {
        if (document.querySelector('dialog [role=listbox]')) seen.sawList = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.keyboard.type('q');
    await expect(status).toHaveText('No results for “q”.');
    expect(await page.evaluate(() => (window as unknown as { sawList: boolean }).sawList)).toBe(
      false,
    );
  });

  test.describe("with the dialog's code held back", () => {
    // The offline worker, once it controls the page, answers the chunk from its precache, where
    // the page's route cannot hold it (it did, on a fresh clone: the dialog opened at once).
    test.use({ serviceWorkers: 'block' });

    test('keys typed right after `/`, before the dialog has loaded, end up in the box', async ({
      page,
    }) => {
      // The dialog's code arrives late, as on a slow network: the keys come before its box does.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/search-dialog[^/]*\.(js|tsx)/, async (route) => {
        await held;
        await route.continue();
      });
      await openApp(page);
      await page.keyboard.press('/');
      await page.keyboard.type('gorx');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('out');
      await expect(searchDialog(page)).toHaveCount(0);
      release();
      await expect(searchInput(page)).toBeFocused();
      await expect(searchInput(page)).toHaveValue('gorout');
      await expect(searchDialog(page).getByRole('status')).toHaveText('2 results.');
    });
  });

  test('a hit under a CJK heading opens scrolled to that heading', async ({ page }) => {
    await openApp(page, talkPath(TALKS.tidb));
    await page.keyboard.press('/');
    await searchInput(page).fill('吞吐量');
    await expect(results(page).first()).toContainText('行情開發遇到的挑戰');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TALKS.securities.title);
    await expect(page.getByRole('heading', { name: '行情開發遇到的挑戰' })).toBeInViewport();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#行情開發遇到的挑戰');
  });

  test('Esc closes it and gives focus back to the Search button', async ({ page }) => {
    await openApp(page);
    const button = page.getByRole('button', { name: 'Search' });
    await button.click();
    await searchInput(page).fill('壓縮');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText(TALKS.securities.title);

    await page.keyboard.press('Escape');
    await expect(searchDialog(page)).toBeHidden();
    await expect(button).toBeFocused();

    // `/` typed into a field is text, not the shortcut.
    await button.click();
    await searchInput(page).fill('a/b');
    await expect(searchInput(page)).toHaveValue('a/b');
  });

  test('"Only incomplete talks" limits the results to partial and empty talks', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('/');
    await searchInput(page).fill('數據');
    await expect(results(page).filter({ hasText: TALKS.tidb.title })).toHaveCount(1);
    const all = await results(page).count();

    await searchDialog(page).getByRole('checkbox', { name: 'Only incomplete talks' }).check();
    await expect(results(page).filter({ hasText: TALKS.tidb.title })).toHaveCount(0);
    await expect(results(page).first()).toBeVisible();
    expect(await results(page).count()).toBeLessThan(all);
    for (const status of await results(page).getByRole('img').all()) {
      await expect(status).toHaveAccessibleName(/^(Partial|Empty)/);
    }

    // A word only in complete talks: nothing left, and the status says why.
    await searchInput(page).fill('goroutine');
    await expect(results(page)).toHaveCount(0);
    await expect(searchDialog(page).getByRole('status')).toHaveText(
      'No results for “goroutine” in incomplete talks.',
    );
  });

  test('the open dialog has no serious accessibility violations', async ({ page }) => {
    await openApp(page, `/${CONFERENCE.slug}`);
    await page.keyboard.press('/');
    await searchInput(page).fill('數據');
    await expect(results(page).first()).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });
});

test('search from the phone menu opens the talk @phone', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'phone layout only');
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Search' }).click();
  await searchInput(page).fill('內網');
  await results(page).filter({ hasText: '嗶哩嗶哩的 Go 微服務實戰' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('嗶哩嗶哩的 Go 微服務實戰');
  await expect(searchDialog(page)).toBeHidden();
});

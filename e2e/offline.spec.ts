import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/checks';
import { CHROMIUM_ARGS, findChromium } from './support/find-chromium';
import { keptTalks, waitForWorker } from './support/offline';
import { CONFERENCE, TALKS, sidebar, talkLink, talkPath } from './support/notes';

// Against the production build, with its service worker (registered once the page has loaded).

const TEXT = {
  tidb: 'TiDB is a distributed NewSQL',
  interfaces: 'they describe a memory layout',
  codingStyle: 'GopherChina講師專訪-東軟雲科技架構師白明',
  pragmas: 'Go has pragmas',
};

function title(page: Page) {
  return page.getByRole('main').getByRole('heading', { level: 1 });
}

/** Reads two talks from the sidebar and bookmarks a third without opening it. */
async function readTwoBookmarkOne(page: Page): Promise<void> {
  await page.goto('/');
  await waitForWorker(page);
  await talkLink(page, TALKS.tidb.title).click();
  await expect(title(page)).toHaveText(TALKS.tidb.title);
  await talkLink(page, TALKS.interfaces.title).click();
  await expect(title(page)).toHaveText(TALKS.interfaces.title);
  await sidebar(page)
    .getByRole('button', { name: `Bookmark ${TALKS.codingStyle.title}` })
    .click();
  // Bookmarking keeps the talk at once, and the bookmarks list says so.
  const bookmarks = page.getByRole('navigation', { name: 'Bookmarks' });
  await expect(bookmarks.getByRole('img', { name: 'Available offline' })).toHaveCount(1);
  await expect
    .poll(() => keptTalks(page))
    .toEqual(
      [TALKS.codingStyle, TALKS.tidb, TALKS.interfaces].map((talk) =>
        expect.stringContaining(`/data/talks/${CONFERENCE.slug}/${talk.slug}.`),
      ),
    );
}

/** Searches for `words` and expects a result for the talk `title`, then closes the dialog. */
async function searchFinds(page: Page, words: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('combobox', { name: 'Search notes' }).fill(words);
  await expect(
    dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
  ).toContainText(title);
  await page.keyboard.press('Escape');
}

test('read and bookmarked talks open offline; another says so, and Retry works once online', async ({
  page,
  context,
}) => {
  await readTwoBookmarkOne(page);
  // The precache is the shell and the index, no talk; search once used is kept as well.
  const precached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'))!;
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  });
  expect(precached).toContain('/data/index.json');
  expect(precached).toContain('/404.html');
  expect(precached.filter((p) => p.startsWith('/data/') && p !== '/data/index.json')).toEqual([]);
  await searchFinds(page, 'TiDB', TALKS.tidb.title);

  await context.setOffline(true);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline');

  // A talk read before, reloaded: its text paints.
  await page.reload();
  await expect(title(page)).toHaveText(TALKS.interfaces.title);
  await expect(page.getByRole('main')).toContainText(TEXT.interfaces);
  await page.goto(talkPath(TALKS.tidb));
  await expect(page.getByRole('main')).toContainText(TEXT.tidb);
  // The bookmarked one, never opened before.
  await page.goto(talkPath(TALKS.codingStyle));
  await expect(title(page)).toHaveText(TALKS.codingStyle.title);
  await expect(page.getByRole('main')).toContainText(TEXT.codingStyle);

  // The sidebar marks the three that can be opened, and only those.
  const talks = sidebar(page);
  await expect(talks).toContainText('the others need a network');
  await expect(talks.getByRole('img', { name: 'Available offline' })).toHaveCount(3);
  await expect(talkLink(page, TALKS.pragmas.title)).toHaveAttribute('title', /needs a network/);

  // Search works offline once its index has been loaded.
  await searchFinds(page, 'TiDB', TALKS.tidb.title);

  // A talk never read: its title, status, what happened and a Retry, in the reading pane.
  await page.goto(talkPath(TALKS.pragmas));
  const main = page.getByRole('main');
  await expect(title(page)).toHaveText(TALKS.pragmas.title);
  await expect(main.getByRole('alert')).toContainText('Not available offline');
  await expect(main).toContainText('Empty: 5 gaps');
  await expect(talks).toBeVisible();
  await main.getByRole('button', { name: 'Retry' }).click();
  await expect(main.getByRole('alert')).toContainText('Not available offline');

  await context.setOffline(false);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('');
  await main.getByRole('button', { name: 'Retry' }).click();
  await expect(main).toContainText(TEXT.pragmas);
  await expect(main.getByRole('alert')).toHaveCount(0);
});

test('@phone with the network off, the app opens from its icon on the talks that can be read', async ({
  page,
  context,
}) => {
  await page.goto(talkPath(TALKS.tidb));
  await waitForWorker(page);
  await expect(page.getByRole('main')).toContainText(TEXT.tidb);
  await page.getByRole('button', { name: 'Menu' }).click();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await drawer.getByRole('button', { name: `Bookmark ${TALKS.codingStyle.title}` }).click();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await keptTalks(page)).length, { timeout: 15_000 }).toBe(2);
  // The installed app opens at the manifest's start_url.
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
    start_url: string;
  };

  await context.setOffline(true);
  await page.goto(manifest.start_url);
  const yours = page.getByRole('region', { name: 'Your talks' });
  await expect(yours).toContainText('You are offline');
  const bookmarks = yours.getByRole('list', { name: 'Bookmarks' });
  const recent = yours.getByRole('list', { name: 'Read recently' });
  await expect(bookmarks.getByRole('listitem')).toHaveText([
    new RegExp(`${TALKS.codingStyle.title}.*On this device`),
  ]);
  await expect(recent.getByRole('listitem')).toHaveText([
    new RegExp(`${TALKS.tidb.title}.*On this device`),
  ]);

  await bookmarks.getByRole('link', { name: TALKS.codingStyle.title }).click();
  await expect(page.getByRole('main')).toContainText(TEXT.codingStyle);

  // The drawer says which other talks need a network; opening one says so plainly.
  await page.getByRole('button', { name: 'Menu' }).click();
  const talks = drawer.getByRole('navigation', { name: 'Talks', exact: true });
  await expect(talks).toContainText('the others need a network');
  await talks.getByRole('link', { name: TALKS.pragmas.title, exact: true }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Not available offline');
  await expect(title(page)).toHaveText(TALKS.pragmas.title);
});

test('the manifest has what Chromium asks for to offer the install, and it is installable', async ({
  baseURL,
}) => {
  // A profile of its own: Chromium offers no install in an incognito-like test context.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'notes-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    baseURL,
  });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForWorker(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await (await page.request.get(href!)).json()) as {
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Conference notes',
      short_name: 'Notes',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    for (const [size, purpose] of [
      ['192x192', undefined],
      ['512x512', undefined],
      ['512x512', 'maskable'],
    ] as const) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
      expect(icon, `${size} ${purpose ?? 'any'} icon`).toBeDefined();
      const response = await page.request.get(new URL(icon!.src, page.url()).href);
      expect(response.headers()['content-type']).toContain('image/png');
      // The PNG header's width and height (IHDR) are what the manifest says.
      const png = await response.body();
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
    }
    // A theme colour for each scheme, and the Apple touch icon.
    await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
    const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect((await page.request.get(touch!)).ok()).toBe(true);

    // Chromium's own verdict.
    const cdp = await context.newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test('offline home, indicator and "not available offline" have no serious violations', async ({
      page,
      context,
    }) => {
      await page.goto(talkPath(TALKS.tidb));
      await waitForWorker(page);
      await expect.poll(async () => (await keptTalks(page)).length, { timeout: 15_000 }).toBe(1);
      await context.setOffline(true);
      for (const [where, ready] of [
        ['/', 'Conference notes'],
        [talkPath(TALKS.pragmas), TALKS.pragmas.title],
      ] as const) {
        await page.goto(where);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(ready);
        await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline');
        expect(await seriousViolations(page)).toEqual([]);
      }
    });
  });
}

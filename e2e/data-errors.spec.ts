import { expect, test, type Page, type Route } from '@playwright/test';
import { CONFERENCE, TALKS, sidebar, talkLink, talkPath } from './support/notes';

// These tests break the app's requests with page.route, which sees no request a service worker
// makes for the page: without the worker, every request is the page's own.
test.use({ serviceWorkers: 'block' });

/**
 * Serves every page as a host without pre-rendering would (the app shell, no embedded data), so
 * the app fetches index.json and the talk's JSON itself: the requests these tests break.
 */
async function withoutEmbeddedData(page: Page) {
  await page.route(
    (url) => !url.pathname.includes('.'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<script type="application\/json" id="hydration-data">[\s\S]*?<\/script>/,
        '',
      );
      await route.fulfill({ response, body: html });
    },
  );
}

/** Answers the talk's data file with `answer` while `failing()` says so, else lets it through. */
async function breakTalk(
  page: Page,
  slug: string,
  answer: Parameters<Route['fulfill']>[0],
  failing: () => boolean,
) {
  const file = new RegExp(`/data/talks/[^/]+/${encodeURIComponent(slug)}\\.[0-9a-f]+\\.json$`);
  await page.route(file, (route) => (failing() ? route.fulfill(answer) : route.fallback()));
  // The idle prefetch of the conference's other talks (one bundle file) would bring the talk too.
  await page.route(/\/data\/bundles\//, (route) =>
    failing() ? route.fulfill(answer) : route.fallback(),
  );
}

const TALK_FAILURES = [
  { name: 'missing (404)', answer: { status: 404, body: '' }, says: 'The data file is missing' },
  {
    name: 'failing (500)',
    answer: { status: 500, body: 'boom' },
    says: 'The server could not send the data',
  },
  {
    name: 'corrupt (cut short)',
    answer: { status: 200, contentType: 'application/json', body: '{"version": 1, "mark' },
    says: 'The data file is damaged',
  },
  {
    name: 'corrupt (wrong shape)',
    answer: { status: 200, contentType: 'application/json', body: '{"version": 1}' },
    says: 'The data file is damaged',
  },
  {
    name: 'from another data version',
    answer: { status: 200, contentType: 'application/json', body: '{"version": 99}' },
    says: 'npm run data',
  },
];

for (const failure of TALK_FAILURES) {
  test(`a talk whose JSON is ${failure.name} shows an error with Retry in the reading pane; the rest works`, async ({
    page,
  }) => {
    let failing = true;
    await withoutEmbeddedData(page);
    await breakTalk(page, TALKS.tidb.slug, failure.answer, () => failing);
    await page.goto(talkPath(TALKS.tidb));

    const main = page.getByRole('main');
    await expect(main.getByRole('alert')).toContainText(failure.says);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(
      'This page could not be loaded',
    );
    // The sidebar is still there and still works.
    await expect(talkLink(page, TALKS.interfaces.title)).toBeVisible();

    failing = false;
    await main.getByRole('button', { name: 'Retry' }).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
    await talkLink(page, TALKS.interfaces.title).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.interfaces.title);
  });
}

test('a talk that fails while moving from another talk keeps the sidebar and the way back', async ({
  page,
}) => {
  await breakTalk(page, TALKS.codingStyle.slug, { status: 404, body: '' }, () => true);
  await page.goto(talkPath(TALKS.tidb));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
  await talkLink(page, TALKS.codingStyle.title).click();
  await expect(main.getByRole('alert')).toContainText('The data file is missing');
  await expect(main.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.goBack();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
});

test('a corrupt index shows a full-page error that says to run npm run data', async ({ page }) => {
  await withoutEmbeddedData(page);
  await page.route(/\/data\/index\.json$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "conf' }),
  );
  await page.goto(talkPath(TALKS.tidb));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The notes could not be loaded');
  await expect(page.getByRole('alert')).toContainText('The data file is damaged');
  await expect(page.getByRole('main')).toContainText('npm run data');
});

test('a missing index says what to run as well', async ({ page }) => {
  await withoutEmbeddedData(page);
  await page.route(/\/data\/index\.json$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The data file is missing');
  await expect(page.getByRole('main')).toContainText('npm run data');
});

test.describe('bookmarks to talks that moved', () => {
  test('a renamed talk lands on not-found with the closest talks first', async ({ page }) => {
    // "Understanding Go Interfaces" bookmarked back when it was "Understanding Go Interface".
    await page.goto(`/${CONFERENCE.slug}/understanding-go-interface`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const suggestions = page.getByRole('region', { name: 'Did you mean' });
    await expect(suggestions.getByRole('link').first()).toHaveText(TALKS.interfaces.title);
    await suggestions.getByRole('link', { name: TALKS.interfaces.title }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
      TALKS.interfaces.title,
    );
  });

  test('a starred talk that was removed still opens: not-found, suggestions, way home', async ({
    page,
  }) => {
    await page.addInitScript((conference) => {
      localStorage.setItem(
        'notes-reader:bookmarks',
        JSON.stringify([
          {
            conference,
            talk: 'a-talk-that-was-removed',
            title: 'A talk that was removed',
            conferenceTitle: 'GopherChina 2017',
          },
        ]),
      );
    }, CONFERENCE.slug);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Bookmarks' })
      .getByRole('link', { name: /A talk that was removed/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(sidebar(page)).toBeVisible();
    await page.getByRole('link', { name: 'Go to all conferences' }).click();
    await expect(page).toHaveURL('/');
  });
});

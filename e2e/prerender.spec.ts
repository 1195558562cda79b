import { expect, test, type Page } from '@playwright/test';
import { CONFERENCE, TALKS, talkLink, talkPath } from './support/notes';

/** Collects what the browser reports as going wrong (hydration mismatches are console errors). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a talk URL answers with the talk already in the HTML', async ({ request }) => {
  for (const talk of [TALKS.tidb, TALKS.securities]) {
    const response = await request.get(talkPath(talk));
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<title>${talk.title} — ${CONFERENCE.title}</title>`);
    expect(html).toContain(`>${talk.title}</h1>`);
    // The state for hydration is data, never code (csp.spec.ts checks the scripts).
    expect(html).toContain('<script type="application/json" id="hydration-data">');
  }
  const body = await (await request.get(talkPath(TALKS.tidb))).text();
  expect(body).toContain('TiDB is a distributed NewSQL');
});

test('the talk reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(talkPath(TALKS.grab));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.grab.title);
  await expect(main.getByRole('heading', { name: 'Go 常見的問題' })).toBeVisible();
  // The sidebar is there too, as plain links.
  await expect(talkLink(page, TALKS.tidb.title)).toHaveAttribute('href', talkPath(TALKS.tidb));
  await context.close();
});

test('a pre-rendered talk hydrates without errors and then navigates in place', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(talkPath(TALKS.tidb));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.tidb.title);
  // React has taken over the server's markup (it keeps its fibers on the DOM nodes).
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(document.querySelector('main')!).some((key) => key.startsWith('__react')),
      ),
    )
    .toBe(true);
  // A sidebar click now changes the page without loading a new document.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await talkLink(page, TALKS.interfaces.title).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(TALKS.interfaces.title);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  expect(errors).toEqual([]);
});

test('a filtered talk URL and a path the pre-render never saw still render in the browser', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(talkPath(TALKS.tidb, '?show=empty'));
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
    TALKS.tidb.title,
  );
  await expect(
    page.getByRole('group', { name: 'Show talks' }).getByRole('link', { name: /^Empty only/ }),
  ).toHaveAttribute('aria-current', 'true');
  await page.goto(`/${CONFERENCE.slug}/no-such-talk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(errors).toEqual([]);
});

test('a pre-rendered page carries its own CSS rules and loads the rest once the reader acts', async ({
  page,
}) => {
  const stylesheets = () => page.locator('link[rel="stylesheet"]');
  await page.goto(talkPath(TALKS.grab));
  await expect(stylesheets()).toHaveCount(0);
  const title = page.getByRole('heading', { level: 1 });
  // Styled by the page's own rules: the title is bold and the sidebar a column beside the notes.
  await expect(title).toHaveCSS('font-weight', '700');
  await expect(page.getByRole('navigation', { name: 'Talks', exact: true })).toBeInViewport();

  await page.keyboard.press('Tab');
  await expect(stylesheets()).toHaveCount(1);
  await expect
    .poll(() =>
      page.evaluate(() => [...document.styleSheets].some((s) => s.href?.endsWith('.css'))),
    )
    .toBe(true);

  // A page rendered in the browser (the filter is not pre-rendered) gets the whole sheet at once.
  await page.goto(talkPath(TALKS.grab, '?show=incomplete'));
  await expect(stylesheets()).toHaveCount(1);
});

test('the whole stylesheet, when it arrives, moves nothing on any pre-rendered page', async ({
  page,
  request,
}) => {
  // Every page the pre-render wrote: home, the conference and each talk (from the sidebar's links).
  await page.goto('/');
  const hrefs = await page
    .getByRole('navigation', { name: 'Talks', exact: true })
    .getByRole('link')
    .evaluateAll((links) => [
      ...new Set(links.map((link) => (link as HTMLAnchorElement).pathname)),
    ]);
  expect(hrefs.length).toBeGreaterThan(10);
  for (const path of ['/', ...hrefs]) {
    // The page's HTML as served, without its scripts: nothing but the sheet changes the layout.
    const html = (await (await request.get(path)).text()).replace(
      /<script\b[\s\S]*?<\/script>/g,
      '',
    );
    await page.setContent(html, { waitUntil: 'load' });
    // Measured after two frames, as painted: before the first frame, a row laid out only when near
    // (content-visibility: auto) may still have its placeholder size (1 in ~90 runs of a busy suite).
    const boxes = () =>
      page.evaluate(async () => {
        for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
        return [...document.querySelectorAll('#root *')].map((element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          return `${Math.round(x)},${Math.round(y)},${Math.round(width)},${Math.round(height)}`;
        });
      });
    const before = await boxes();
    const href = await page.locator('meta[name="notes-reader:stylesheet"]').getAttribute('content');
    expect(href, path).toBeTruthy();
    await page.addStyleTag({ content: await (await request.get(href!)).text() });
    const after = await boxes();
    const moved = before.flatMap((box, i) => (box === after[i] ? [] : [i]));
    expect(moved, `${path}: elements laid out otherwise once the whole sheet applies`).toEqual([]);
  }
});

import { expect, test, type Page } from '@playwright/test';
import type { NotesIndex } from '../src/compiler/contract';
import { buildMany, MANY_APP } from './many/build-many';
import { waitForHydration } from './support/hydrated';
import { startStaticServer, type StaticServer } from './support/static-server';

// The app built from 190 generated talks (e2e/many/build-many.ts), served apart: more rows than
// the sidebar lists plainly, so it renders only those in view, and keeps the talk being read
// among them.

test.describe.configure({ mode: 'serial' });

type Talk = NotesIndex['conferences'][number]['days'][number]['talks'][number];

let server: StaticServer;
let index: NotesIndex;
/** A complete talk halfway down the second conference (the "Incomplete" filter keeps it). */
let reading: Talk;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  index = buildMany();
  server = await startStaticServer({ base: '/', root: () => MANY_APP });
  const talks = index.conferences[1]!.days.flatMap((day) => day.talks);
  reading = talks.find((talk, i) => i >= talks.length / 2 && talk.status === 'complete')!;
});

test.afterAll(async () => {
  await server?.close();
});

function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Talks', exact: true });
}

function sidebarLink(page: Page, talk: Talk) {
  return sidebar(page).getByRole('link', { name: talk.title, exact: true });
}

async function open(page: Page, talk: Talk): Promise<void> {
  await page.goto(new URL(talk.url.slice(1), server.url).href);
  await waitForHydration(page);
}

/** How far the sidebar's column is scrolled. */
function sidebarScroll(page: Page): Promise<number> {
  return sidebar(page).evaluate((nav) => {
    let node = nav.parentElement;
    while (node && !/(auto|scroll)/.test(getComputedStyle(node).overflowY)) {
      node = node.parentElement;
    }
    return node?.scrollTop ?? -1;
  });
}

/** Lets three frames go by: a scroll the app asks for after a change has happened by then. */
function frames(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => {
        let left = 3;
        const tick = () => (--left === 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
  );
}

test('the sidebar renders the rows near the talk being read, and shows it', async ({ page }) => {
  await open(page, reading);
  const link = sidebarLink(page, reading);
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(link).toBeInViewport();
  const listed = await sidebar(page).getByRole('listitem').count();
  expect(listed).toBeGreaterThan(10);
  expect(listed).toBeLessThan(index.summary.talks / 2);
});

test('a filter leaves the sidebar where the reader is', async ({ page }) => {
  await open(page, reading);
  const filters = page.getByRole('group', { name: 'Show talks' });
  await filters.scrollIntoViewIfNeeded();
  const top = await sidebarScroll(page);
  for (const label of ['Incomplete', 'All']) {
    const filter = filters.getByRole('link', { name: new RegExp(`^${label} \\d+$`) });
    await filter.click();
    await expect(filter).toHaveAttribute('aria-current', 'true');
    const complete = sidebar(page).getByRole('img', { name: 'Complete', exact: true });
    if (label === 'Incomplete') await expect(complete).toHaveCount(0);
    await frames(page);
    // The talk being read moved in the list; the list stays put, the filter under the pointer.
    expect(await sidebarScroll(page)).toBe(top);
    await expect(filter).toBeInViewport();
  }
});

test('a talk clicked in the sidebar opens without the list moving', async ({ page }) => {
  await open(page, reading);
  const talks = index.conferences[1]!.days.flatMap((day) => day.talks);
  const next = talks[talks.indexOf(reading) + 1]!;
  const link = sidebarLink(page, next);
  await expect(link).toBeInViewport();
  const top = await sidebarScroll(page);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
  await expect(link).toHaveAttribute('aria-current', 'page');
  await frames(page);
  expect(await sidebarScroll(page)).toBe(top);
});

test('a talk opened from search is brought into the sidebar view', async ({ page }) => {
  await open(page, reading);
  const far = index.conferences[0]!.days[0]!.talks[2]!;
  await expect(sidebarLink(page, far)).toHaveCount(0);
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Search notes' }).fill(far.title);
  await page.getByRole('option').filter({ hasText: far.title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(far.title);
  await expect(sidebarLink(page, far)).toHaveAttribute('aria-current', 'page');
  await expect(sidebarLink(page, far)).toBeInViewport();
});

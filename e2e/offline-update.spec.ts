import { seriousViolations, watchErrors } from './support/checks';
import { expect, test } from '@playwright/test';
import { buildDeploys, DEPLOY_BASE, deployDir, V2 } from './deploys/build-deploys';
import { keptTalks, waitForWorker } from './support/offline';
import { CONFERENCE, TALKS, talkLink, talkPath } from './support/notes';
import { startStaticServer, type StaticServer } from './support/static-server';

// Two builds of the app under a sub-path (e2e/deploys/build-deploys.ts), served by one static
// host whose folder the test switches: a deploy of new notes while a reader has the app open.

test.describe.configure({ mode: 'serial' });

const OLD_SENTENCE = 'TiDB is a distributed NewSQL database compatible with MySQL protocol.';

let deployed: 'v1' | 'v2' = 'v1';
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  buildDeploys();
  server = await startStaticServer({ base: DEPLOY_BASE, root: () => deployDir(deployed) });
});

test.afterAll(async () => {
  await server?.close();
});

test('new notes deployed: the page offers a reload, swaps nothing until asked, then drops the old', async ({
  page,
}) => {
  const errors = await watchErrors(page);
  const main = page.getByRole('main');
  const tidbFile = expect.stringContaining(
    `${DEPLOY_BASE}data/talks/${CONFERENCE.slug}/${TALKS.tidb.slug}.`,
  );

  await page.goto(new URL(talkPath(TALKS.tidb).slice(1), server.url).href);
  await expect(main).toContainText(OLD_SENTENCE);
  await waitForWorker(page);
  await expect.poll(() => keptTalks(page), { timeout: 15_000 }).toEqual([tidbFile]);
  const [oldFile] = await keptTalks(page);

  deployed = 'v2';
  // The next load asks the server for a new worker, which installs and waits.
  await page.reload();
  const prompt = page.getByRole('status').filter({ hasText: 'New notes available' });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  // Nothing changed under the reader: the notes and the talk list are those they had.
  await expect(main).toContainText(OLD_SENTENCE);
  await expect(main).not.toContainText(V2.revised);
  await expect(talkLink(page, V2.addedTalk)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect(main).toContainText(V2.revised);
  await expect(talkLink(page, V2.addedTalk)).toBeVisible();
  await expect(page.getByText('New notes available')).toHaveCount(0);

  // The old notes are gone from the caches: the talk is kept under its new name only, one
  // precache is left, and it holds the new index.
  await expect
    .poll(async () => {
      const kept = await keptTalks(page);
      return kept.length === 1 && kept[0] !== oldFile ? kept : null;
    })
    .toEqual([tidbFile]);
  const precaches = await page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith('workbox-precache')),
  );
  expect(precaches).toHaveLength(1);
  const index = await page.evaluate(
    async (url) => (await fetch(url)).text(),
    `${DEPLOY_BASE}data/index.json`,
  );
  expect(index).toContain(V2.addedTalk);
  expect(errors).toEqual([]);
});

test('"Later" keeps the page as it is; the next visit offers the reload again', async ({
  page,
}) => {
  deployed = 'v1';
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conference notes');
  await waitForWorker(page);
  deployed = 'v2';
  await page.reload();
  const prompt = page.getByRole('status').filter({ hasText: 'New notes available' });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await prompt.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByText('New notes available')).toHaveCount(0);
  await expect(talkLink(page, V2.addedTalk)).toHaveCount(0);
  await page.reload();
  await expect(prompt).toBeVisible({ timeout: 20_000 });
});

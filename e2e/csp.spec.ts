import { createHash } from 'node:crypto';
import { watchErrors } from './support/checks';
import { expect, test, type Page } from '@playwright/test';
import { CONFERENCE, TALKS, talkLink, talkPath } from './support/notes';

/** The policy of a served page, read from its HTML (as a host would send it, before any script). */
async function policyOf(page: Page, path: string): Promise<{ policy: string; html: string }> {
  const response = await page.request.get(path);
  expect(response.ok()).toBe(true);
  const html = await response.text();
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(meta, `no CSP meta in ${path}`).not.toBeNull();
  // It only governs what comes after it: it must precede every script and style.
  const at = html.indexOf(meta![0]);
  for (const tag of ['<script', '<style', '<link rel="stylesheet"']) {
    const first = html.indexOf(tag);
    if (first >= 0) expect(at, `${tag} before the CSP meta in ${path}`).toBeLessThan(first);
  }
  return { policy: meta![1]!, html };
}

/** The CSP hash source of each script element with code in it (not a file, not JSON data). */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/\bsrc=|type="application\/json"/.test(attributes))
    .map(([, , code]) => `'sha256-${createHash('sha256').update(code!).digest('base64')}'`);
}

test('every page carries a Content-Security-Policy that allows no inline script but its own', async ({
  page,
}) => {
  for (const path of ['/', `/${CONFERENCE.slug}`, talkPath(TALKS.tidb), '/404.html']) {
    const { policy, html } = await policyOf(page, path);
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    // Files from this origin, and the page's one inline script (the theme) by its hash.
    const inline = inlineScriptHashes(html);
    expect(inline).toHaveLength(1);
    expect(directives.get('script-src')).toEqual(["'self'", ...inline]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  }
});

test('the app works under its policy with no violation or console error', async ({ page }) => {
  const errors = await watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Conference notes' })).toBeVisible();
  await talkLink(page, TALKS.tidb.title).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
    TALKS.tidb.title,
  );
  // A client-side route with lazy chunks, a search (its index loads on demand), a theme switch.
  await talkLink(page, TALKS.grab.title).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
    TALKS.grab.title,
  );
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('combobox', { name: 'Search notes' }).fill('TiDB');
  await expect(
    dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto(talkPath(TALKS.securities));
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
    TALKS.securities.title,
  );
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

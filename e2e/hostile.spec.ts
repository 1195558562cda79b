import { expect, test, type Page } from '@playwright/test';

// Runs in the `hostile` project, against the app built from
// src/compiler/fixtures/hostile/input.md (e2e/hostile/build-hostile.ts): scripts, iframes,
// event handlers, `javascript:` / `data:` / `vbscript:` links, raw HTML blocks, autolinks.

const CONFERENCE = 'hostile';
const TALKS = {
  blocks: { slug: 'raw-html-blocks', title: 'Raw HTML blocks' },
  inline: { slug: 'inline-html', title: 'Inline HTML' },
  links: { slug: 'dangerous-links', title: 'Dangerous links' },
  safe: { slug: 'safe-links-still-work', title: 'Safe links still work' },
  title: {
    slug: 'scriptscriptwindow__pwned--titlescript-a-title-that-tries-to-escape',
    title: "</script><script>window.__pwned = 'title'</script> A title that tries to escape",
  },
  pinned: { slug: 'img-srcx-onerroralert1', title: 'Pinned id with quotes' },
};

interface Watch {
  dialogs: string[];
  foreign: string[];
  errors: string[];
}

/**
 * Records what a hostile page could do: open dialogs, reach other origins, break the page, or
 * trip the Content-Security-Policy (a blocked inline script is a violation too).
 */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], foreign: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const origin = new URL(test.info().project.use.baseURL!).origin;
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) seen.foreign.push(request.url());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return seen;
}

async function expectInert(page: Page, seen: Watch) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // No element the notes made carries a script, a frame, an object or an event handler.
  const active = await page
    .locator('main')
    .evaluate((main) =>
      [...main.querySelectorAll('*')]
        .filter(
          (el) =>
            [
              'SCRIPT',
              'IFRAME',
              'OBJECT',
              'EMBED',
              'FORM',
              'BASE',
              'META',
              'STYLE',
              'LINK',
            ].includes(el.tagName) ||
            [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')),
        )
        .map((el) => el.outerHTML.slice(0, 80)),
    );
  expect(active).toEqual([]);
  // Every link goes somewhere harmless.
  const hrefs = await page
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) {
    expect(href).not.toBeNull();
    expect(href).not.toBe('');
    expect(href!.trim()).not.toMatch(/^(javascript|vbscript|data|file):/i);
  }
  expect(seen.dialogs).toEqual([]);
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
}

function talkPath(slug: string) {
  return `/${CONFERENCE}/${encodeURIComponent(slug)}`;
}

function sidebarLink(page: Page, title: string) {
  return page
    .getByRole('navigation', { name: 'Talks', exact: true })
    .getByRole('link', { name: title, exact: true });
}

test.describe('hostile notes', () => {
  for (const talk of Object.values(TALKS)) {
    test(`"${talk.title.slice(0, 40)}" loads inert`, async ({ page }) => {
      const seen = await watch(page);
      await page.goto(talkPath(talk.slug));
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
        talk.title,
      );
      // Give late handlers (onload, onerror, autofocus) their chance.
      await page.waitForLoadState('networkidle');
      await expectInert(page, seen);
    });
  }

  test('every talk stays inert when opened from the sidebar, home and conference pages too', async ({
    page,
  }) => {
    const seen = await watch(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(page, seen);
    for (const talk of Object.values(TALKS)) {
      await sidebarLink(page, talk.title).click();
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
        talk.title,
      );
    }
    await page.goto(`/${CONFERENCE}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectInert(page, seen);
  });

  test('dangerous links are text without href, safe links stay links', async ({ page }) => {
    const seen = await watch(page);
    await page.goto(talkPath(TALKS.links.slug));
    const main = page.getByRole('main');
    for (const name of [
      'javascript link',
      'upper-case scheme',
      'entity-encoded scheme',
      'data link',
      'vbscript link',
      'file link',
      'reference to a bad url',
    ]) {
      await expect(main.getByText(name, { exact: true })).toBeVisible();
      await expect(main.getByRole('link', { name })).toHaveCount(0);
    }
    // A dropped image shows its alt text instead of an empty <img>.
    await expect(main.getByText('javascript image', { exact: true })).toBeVisible();
    await expect(main.getByRole('img', { name: 'data image' })).toHaveCount(0);
    // Clicking what is left does nothing.
    await main.getByText('javascript link', { exact: true }).click();
    await expect(page).toHaveURL(talkPath(TALKS.links.slug));

    await page.goto(talkPath(TALKS.safe.slug));
    await expect(main.getByRole('link', { name: /^https link/ })).toHaveAttribute(
      'href',
      'https://example.com/safe',
    );
    await expect(main.getByRole('link', { name: /example\.com\/autolink/ })).toHaveAttribute(
      'href',
      'https://example.com/autolink',
    );
    await expect(main.getByRole('link', { name: /bare-url/ })).toHaveAttribute(
      'href',
      'https://example.com/bare-url',
    );
    await expect(main.getByRole('link', { name: 'relative link' })).toHaveAttribute(
      'href',
      '#safe-links-still-work',
    );
    await expectInert(page, seen);
  });

  test('raw HTML shows none of its tags; the text inside inline tags stays readable', async ({
    page,
  }) => {
    const seen = await watch(page);
    await page.goto(talkPath(TALKS.inline.slug));
    const main = page.getByRole('main');
    await expect(main.getByText('raw anchor')).toBeVisible();
    await expect(main.getByRole('link', { name: 'raw anchor' })).toHaveCount(0);
    await main.getByText('raw anchor').click();
    await page.goto(talkPath(TALKS.blocks.slug));
    await expect(main.getByText('a note after the blocks')).toBeVisible();
    await expect(main.getByText('A div with a handler')).toHaveCount(0);
    await expectInert(page, seen);
  });

  test('search results built from hostile text are inert', async ({ page }) => {
    const seen = await watch(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox', { name: 'Search notes' }).fill('pwned');
    await expect(
      dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
    ).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectInert(page, seen);
  });
});

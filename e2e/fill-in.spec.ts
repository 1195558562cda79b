import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { seriousViolations } from './support/checks';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { NotesIndex } from '../src/compiler/contract';
import { CRLF_BOM, FILES, FILL_IN_NOTES, restore, writeAtOnce } from './fill-in/notes';

// Filling gaps from the reader writes notes files: one test at a time, each on its own file.
test.describe.configure({ mode: 'serial' });

const notesFile = (name: string) => path.join(FILL_IN_NOTES, name);
const read = (name: string) => readFileSync(notesFile(name));

async function indexOf(request: APIRequestContext): Promise<NotesIndex> {
  return (await (await request.get('/data/index.json')).json()) as NotesIndex;
}

/** The talk's URL and the notes file's path as the page shows it, by the talk's title. */
async function talkNamed(request: APIRequestContext, title: string) {
  for (const c of (await indexOf(request)).conferences)
    for (const d of c.days)
      for (const t of d.talks) if (t.title === title) return { url: t.url, file: c.file, talk: t };
  throw new Error(`no talk ${title}`);
}

/** Restores a notes file and waits until the dev server has compiled it again. */
async function fresh(request: APIRequestContext, name: string) {
  restore(name);
  const bytes = read(name);
  await expect.poll(() => hashOnServer(request, name)).toBe(sha(bytes));
}

async function hashOnServer(request: APIRequestContext, name: string) {
  const index = await indexOf(request);
  return index.conferences.find((c) => c.file.endsWith(`/${name}`) || c.file === name)?.sourceHash;
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function tokenOf(page: Page): Promise<string> {
  return (await page.locator('meta[name="notes-write"]').getAttribute('content')) ?? '';
}

test('fill an empty section, then an empty bullet: the file changes by exactly that, the gaps go', async ({
  page,
  request,
}) => {
  await fresh(request, 'fill.md');
  const before = read('fill.md').toString('utf8').split('\n');
  const { url } = await talkNamed(request, 'Go 語言在掃碼支付系統中的成功實踐');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '1 gap to fill in' })).toBeVisible();

  await page
    .getByRole('button', { name: 'Fill in 架構演進: empty section, line 284' })
    .first()
    .click();
  const editor = page.getByRole('textbox', { name: 'Markdown of lines 284–288' });
  // The exact Markdown of the section, as on disk.
  await expect(editor).toHaveValue(before.slice(283, 288).join('\n'));
  await editor.fill('#### 架構演進\n- 單體 → 微服務\n- 每個服務一個資料庫');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const after = read('fill.md').toString('utf8').split('\n');
  expect(after).toEqual([
    ...before.slice(0, 283),
    '#### 架構演進',
    '- 單體 → 微服務',
    '- 每個服務一個資料庫',
    ...before.slice(288),
  ]);
  await expect(page.getByText('單體 → 微服務')).toBeVisible();
  await expect(page.getByRole('heading', { name: /gaps? to fill in/ })).toHaveCount(0);

  // An empty bullet in another talk (two lines up now): the bullet only.
  const next = await talkNamed(request, 'Go 在證券行情系統中的應用');
  await page.goto(next.url);
  await expect(page.getByRole('heading', { name: '3 gaps to fill in' })).toBeVisible();
  await page
    .getByRole('button', { name: /Fill in .*empty item, line 451/ })
    .first()
    .click();
  const bullet = page.getByRole('textbox', { name: 'Markdown of lines 451–451' });
  await expect(bullet).toHaveValue('-');
  await bullet.fill('- 全量推送改成增量推送');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: '2 gaps to fill in' })).toBeVisible();
  const filled = read('fill.md').toString('utf8').split('\n');
  expect(filled[450]).toBe('- 全量推送改成增量推送');
  expect(filled.filter((_, i) => i !== 450)).toEqual(after.filter((_, i) => i !== 450));
  // "Next gap" opens the editor on the next one.
  await page.getByRole('button', { name: /Next gap/ }).click();
  await expect(page.getByRole('textbox', { name: /Markdown of lines 453–457/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  expect(read('fill.md').toString('utf8').split('\n')).toEqual(filled);
});

test('a CRLF file with a BOM stays CRLF with its BOM', async ({ page, request }) => {
  await fresh(request, 'crlf-bom.md');
  await page.goto((await talkNamed(request, 'Saved on Windows')).url);
  await page.getByRole('button', { name: 'Fill in Q&A: empty section, line 9' }).first().click();
  const editor = page.getByRole('textbox', { name: 'Markdown of lines 9–9' });
  await expect(editor).toHaveValue('#### Q&A');
  await editor.fill('#### Q&A\n\n- Why Go? It compiles fast.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const expected = Buffer.from(
    CRLF_BOM.toString('latin1').replace(
      '#### Q&A\r\n',
      '#### Q&A\r\n\r\n- Why Go? It compiles fast.\r\n',
    ),
    'latin1',
  );
  expect(read('crlf-bom.md').equals(expected)).toBe(true);
});

test('an edit on disk while the editor is open: the conflict view, and nothing overwritten', async ({
  page,
  request,
}) => {
  await fresh(request, 'conflict.md');
  await page.goto((await talkNamed(request, 'Edited twice')).url);
  await page.getByRole('button', { name: 'Fill in Notes: empty section, line 7' }).first().click();
  const editor = page.getByRole('textbox', { name: 'Markdown of lines 7–7' });
  await editor.fill('#### Notes\n- my draft');
  const elsewhere = `${FILES['conflict.md'] as string}\n- added in another editor\n`;
  writeAtOnce(notesFile('conflict.md'), elsewhere);
  // The page hears of the change and says so; the draft stays.
  await expect(
    page.getByText('The notes file changed on disk since this editor opened'),
  ).toBeVisible();
  await expect(editor).toHaveValue('#### Notes\n- my draft');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Not saved: the file changed on disk' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keep my draft' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(read('conflict.md').toString('utf8')).toBe(elsewhere);
});

test('Undo puts back the previous bytes', async ({ page, request }) => {
  await fresh(request, 'undo.md');
  const original = read('undo.md');
  await page.goto((await talkNamed(request, 'To undo')).url);
  await page.getByRole('button', { name: 'Fill in Idea: empty section, line 7' }).first().click();
  await page.getByRole('textbox', { name: 'Markdown of lines 7–7' }).fill('#### Idea\n- ship it');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(read('undo.md').equals(original)).toBe(false);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  expect(read('undo.md').equals(original)).toBe(true);
});

test('requests without the token, from another origin or for a file outside the notes get 403 and write nothing', async ({
  page,
  request,
  baseURL,
}) => {
  await fresh(request, 'undo.md');
  await page.goto('/');
  const token = await tokenOf(page);
  expect(token).toMatch(/^[0-9a-f]{48}$/);
  const { file } = await talkNamed(request, 'To undo');
  const hash = sha(read('undo.md'));
  const before = readdirSync(FILL_IN_NOTES).map((n) => [n, read(n).toString('base64')]);
  const outside = readFileSync(path.resolve(FILL_IN_NOTES, '../outside.md'));
  const write = (headers: Record<string, string>, body: object) =>
    request.post('/__notes/write', {
      headers: { 'Content-Type': 'application/json', Origin: baseURL!, ...headers },
      data: { start: 1, end: 1, text: '# pwned', hash, ...body },
    });

  expect((await write({}, { file })).status()).toBe(403);
  expect((await write({ 'X-Notes-Token': 'f'.repeat(48) }, { file })).status()).toBe(403);
  expect(
    (await write({ 'X-Notes-Token': token, Origin: 'http://evil.example' }, { file })).status(),
  ).toBe(403);
  const withToken = { 'X-Notes-Token': token };
  for (const target of [
    'e2e-tmp/outside.md',
    '../outside.md',
    path.resolve(FILL_IN_NOTES, '../outside.md'),
    '/etc/hostname',
    file.replace('undo.md', 'link-out.md'), // compiled, but a symlink out of the folder
  ]) {
    const response = await write(withToken, { file: target });
    expect(response.status(), target).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Unexpected file/);
  }
  expect((await request.get('/__notes/write')).status()).toBe(405);
  // A stale hash is refused too, with the text on disk.
  const stale = await write(withToken, { file, hash: '0'.repeat(64) });
  expect(stale.status()).toBe(409);
  expect(readdirSync(FILL_IN_NOTES).map((n) => [n, read(n).toString('base64')])).toEqual(before);
  expect(readFileSync(path.resolve(FILL_IN_NOTES, '../outside.md')).equals(outside)).toBe(true);
});

test('the editor, at a gap and on the whole talk, has no serious accessibility violations', async ({
  page,
  request,
}) => {
  await fresh(request, 'undo.md');
  await page.goto((await talkNamed(request, 'To undo')).url);
  await page.getByRole('button', { name: 'Fill in Idea: empty section, line 7' }).first().click();
  const editor = page.getByRole('textbox', { name: 'Markdown of lines 7–7' });
  await expect(editor).toBeFocused();
  const check = async () => {
    expect(await seriousViolations(page, 'main')).toEqual([]);
  };
  await check();
  await page.keyboard.press('Escape');
  expect(read('undo.md').toString('utf8')).toBe(FILES['undo.md']);
  await page.getByRole('button', { name: 'Edit talk' }).click();
  await expect(page.getByRole('textbox', { name: 'Markdown of lines 5–7' })).toBeVisible();
  await check();
});

test('the built site has no editor and no write endpoint', () => {
  const dist = path.resolve(import.meta.dirname, '../dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    expect(text.includes('__notes/'), file).toBe(false);
    expect(text.includes('notes-write'), file).toBe(false);
    expect(text.includes('Markdown of lines'), file).toBe(false);
  }
});

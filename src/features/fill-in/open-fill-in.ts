import { readRange, writeToken } from './api/notes-write';
import { fillIn, type FillInTarget } from './fill-in-store';

/**
 * Opens the editor on a range of a notes file and loads its exact Markdown from the dev server
 * (a draft kept from before wins). Does nothing outside the dev server or when writing is off.
 */
export async function openFillIn(target: FillInTarget): Promise<void> {
  const token = writeToken();
  if (!token) return;
  const session = fillIn.open(target);
  const result = await readRange(token, target);
  if (!result.ok) {
    fillIn.update(session.key, {
      state: 'error',
      error:
        result.status === 409
          ? 'The notes file changed since this page was compiled. The page updates in a moment; then try again.'
          : result.error,
    });
    return;
  }
  fillIn.update(session.key, { state: 'editing', base: result.text });
}

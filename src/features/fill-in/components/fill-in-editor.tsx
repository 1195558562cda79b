import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { writeRange, writeToken } from '../api/notes-write';
import { fillIn, type Session } from '../fill-in-store';

const BUTTON_SHAPE =
  'inline-flex items-center gap-1 rounded-md border px-2.5 py-1 font-medium disabled:opacity-60';
/** Buttons of the fill-in editor and its confirmation. */
export const BUTTON = `${BUTTON_SHAPE} border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`;
/** The button that saves. */
export const PRIMARY = `${BUTTON_SHAPE} border-sky-700 bg-sky-700 text-white hover:bg-sky-800 dark:border-sky-500 dark:bg-sky-600 dark:hover:bg-sky-500`;

/**
 * The editor of one range of a notes file: its exact Markdown, monospace, with the file's line
 * numbers, as tall as its text. Ctrl/⌘+Enter or Save writes; Esc or Cancel closes and writes
 * nothing. The draft lives in the fill-in store, so a re-render or a notes update never loses
 * typing; when the file changed under it, it says so, and a save that would overwrite shows the
 * text on disk beside the draft instead.
 */
export function FillInEditor({ session, pageHash }: { session: Session; pageHash: string }) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  // What was typed (kept in the store across re-renders); until then the text on disk, which
  // arrives after the editor opens.
  const [typed, setTyped] = useState(() => fillIn.draft(session.key));
  const draft = typed ?? session.base ?? '';
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (session.state === 'editing') area.current?.focus({ preventScroll: false });
  }, [session.state]);

  const change = (text: string) => {
    setTyped(text);
    fillIn.setDraft(session.key, text);
  };
  const cancel = () => {
    fillIn.dropDraft(session.key);
    fillIn.close();
  };
  const save = async () => {
    const token = writeToken();
    if (!token || session.state === 'saving') return;
    fillIn.update(session.key, { state: 'saving' });
    const result = await writeRange(token, session, draft);
    if (result.ok) {
      fillIn.dropDraft(session.key);
      fillIn.close();
      fillIn.saved({
        file: session.file,
        hash: result.hash,
        start: result.start,
        end: result.end,
        label: session.label,
      });
      return;
    }
    fillIn.update(session.key, {
      state: result.status === 409 ? 'conflict' : 'error',
      disk: result.disk,
      error: result.error,
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  const lines = Math.max(1, draft.split('\n').length);
  const numbers = Array.from({ length: lines }, (_, i) => session.start + i).join('\n');
  const changedUnder = pageHash !== session.hash && session.state !== 'conflict';

  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="my-3 rounded-xl border border-sky-300 bg-white p-3 shadow-sm dark:border-sky-700 dark:bg-slate-900"
      onKeyDown={onKeyDown}
    >
      <p id={`${id}-title`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
        Fill in: {session.label}{' '}
        <span className="font-normal text-slate-600 dark:text-slate-400">
          lines {session.start}–{session.end} of <code>{session.file}</code>
        </span>
      </p>
      {session.state === 'loading' && <p className="mt-2 text-sm">Loading the notes…</p>}
      {changedUnder && (
        <p role="status" className="mt-2 text-sm text-amber-800 dark:text-amber-200">
          The notes file changed on disk since this editor opened. Your draft is kept; saving checks
          that nothing would be overwritten.
        </p>
      )}
      {session.state === 'error' && (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {session.error}
        </p>
      )}
      {session.state !== 'loading' && (
        <div className={session.state === 'conflict' ? 'mt-2 grid gap-3 md:grid-cols-2' : 'mt-2'}>
          {session.state === 'conflict' && (
            <div role="alert">
              <p className="text-sm font-semibold text-red-800 dark:text-red-300">
                Not saved: the file changed on disk. There now, from line {session.start}:
              </p>
              <pre className="mt-1 max-h-80 overflow-auto rounded-lg bg-slate-100 p-2 font-mono text-sm dark:bg-slate-800">
                {session.disk ?? ''}
              </pre>
            </div>
          )}
          <div>
            {session.state === 'conflict' && <p className="text-sm font-semibold">Your draft:</p>}
            <div className="mt-1 flex overflow-x-auto rounded-lg border border-slate-300 font-mono text-sm leading-6 dark:border-slate-700">
              <pre
                aria-hidden="true"
                className="shrink-0 border-r border-slate-200 bg-slate-50 px-2 py-1 text-right text-slate-500 select-none dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400"
              >
                {numbers}
              </pre>
              <textarea
                ref={area}
                aria-label={`Markdown of lines ${session.start}–${session.end}`}
                className="min-w-0 flex-1 resize-none bg-transparent px-2 py-1 font-mono leading-6 outline-none"
                value={draft}
                rows={lines}
                wrap="off"
                spellCheck={false}
                readOnly={session.state === 'saving'}
                onChange={(event) => change(event.target.value)}
              />
            </div>
          </div>
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        {session.state === 'conflict' ? (
          <>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                void navigator.clipboard?.writeText(draft).then(() => setCopied(true));
              }}
            >
              Keep my draft
            </button>
            <button type="button" className={BUTTON} onClick={() => location.reload()}>
              Reload
            </button>
            {copied && <span role="status">Draft copied to the clipboard.</span>}
          </>
        ) : (
          <button
            type="button"
            className={PRIMARY}
            disabled={session.state === 'loading' || session.state === 'saving'}
            onClick={() => void save()}
          >
            {session.state === 'saving' ? 'Saving…' : 'Save'}
          </button>
        )}
        <button type="button" className={BUTTON} onClick={cancel}>
          Cancel
        </button>
        {session.state !== 'conflict' && (
          <span className="text-slate-600 dark:text-slate-400">
            <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
          </span>
        )}
      </div>
    </div>
  );
}

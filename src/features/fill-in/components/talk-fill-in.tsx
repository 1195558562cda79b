import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { TalkLink } from '../../talks/components/talk-link';
import { indexQueryOptions } from '../../notes/api/get-index';
import type { Gap, ReaderTalk } from '../../../compiler/contract';
import { isTyping } from '../../../lib/is-typing';
import { undoWrite, writeAccess, writeToken } from '../api/notes-write';
import { fillIn, useFillIn } from '../fill-in-store';
import { openFillIn } from '../open-fill-in';
import { BUTTON, FillInEditor } from './fill-in-editor';
import { gapLabel, usePageHash } from './gap-fill-in';

/** The gap to fill after a save: the first at or after the saved lines, else the first. */
function nextGap(gaps: readonly Gap[], from: number): Gap | undefined {
  const sorted = [...gaps].sort((a, b) => a.line - b.line);
  return sorted.find((g) => g.line >= from) ?? sorted[0];
}

/** Opens the editor on a gap, at its marker (under the header when the marker is in a heading). */
function openGap(gap: Gap, file: string, hash: string): void {
  const marker = document.getElementById(gap.id);
  const inHeading = marker?.closest('h1, h2, h3, h4, h5, h6') != null;
  marker?.scrollIntoView({ block: 'center' });
  void openFillIn({
    file,
    start: gap.line,
    end: gap.end,
    hash,
    anchor: inHeading ? 'top' : { gap: gap.id },
    label: gapLabel(gap),
  });
}

/** "No gaps left", and the next talk of the conference that has some: fill-in, talk by talk. */
function NextTalkWithGaps({ doc }: { doc: ReaderTalk }) {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const conference = index.conferences.find((c) => c.slug === doc.conference.slug);
  const talks = conference?.days.flatMap((d) => d.talks) ?? [];
  const here = talks.findIndex((t) => t.slug === doc.slug);
  const next = [...talks.slice(here + 1), ...talks.slice(0, Math.max(0, here))].find(
    (t) => t.gaps.total > 0,
  );
  return (
    <span>
      No gaps left in this talk.
      {next && conference && (
        <>
          {' '}
          Next with gaps:{' '}
          <TalkLink conference={conference.slug} talk={next.slug} className="text-link">
            {next.title}
          </TalkLink>
        </>
      )}
    </span>
  );
}

/** Dev only: a gap summary entry's "Fill in", which opens the editor at the gap's marker. */
export function SummaryFillIn({ gap, file }: { gap: Gap; file: string }) {
  const pageHash = usePageHash(file);
  if (!writeToken()) return null;
  return (
    <button
      type="button"
      className="text-xs font-semibold underline underline-offset-2"
      aria-label={`Fill in ${gapLabel(gap)}, line ${gap.line}`}
      onClick={() => openGap(gap, file, pageHash)}
    >
      Fill in
    </button>
  );
}

/**
 * Dev only, under a talk's header: "Edit talk", the editor of the whole talk (or of a gap whose
 * marker is in a heading), why writing is off when it is, and after a save the confirmation with
 * Undo and "Next gap" (also the `n` key).
 */
export default function TalkFillIn({ doc }: { doc: ReaderTalk }) {
  const { session, saved } = useFillIn();
  const file = doc.conference.file;
  const pageHash = usePageHash(file);
  const access = writeAccess();
  const nextButton = useRef<HTMLButtonElement>(null);
  const savedHere = saved?.file === file && saved.start >= doc.lines[0] - 1 ? saved : null;

  const goNext = useCallback(() => {
    const gap = nextGap(doc.gaps, savedHere?.start ?? doc.lines[0]);
    if (gap) openGap(gap, file, pageHash);
  }, [doc.gaps, doc.lines, file, pageHash, savedHere?.start]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || fillIn.current().session) return;
      event.preventDefault();
      goNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goNext]);
  useEffect(() => {
    if (savedHere && !savedHere.undone) nextButton.current?.focus();
  }, [savedHere]);

  if (!access) return null;
  if ('off' in access) {
    return (
      <p role="note" className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        {access.off}
      </p>
    );
  }
  // Under the header: a whole-talk edit, a gap in a heading, or a gap whose marker went away
  // (the file changed under the editor), so that the draft stays in sight.
  const editingTop =
    session?.file === file &&
    session.start >= doc.lines[0] &&
    session.start <= doc.lines[1] &&
    (session.anchor === 'top' ||
      !doc.gaps.some((g) => g.id === (session.anchor as { gap: string }).gap));
  const undo = async () => {
    if (!savedHere) return;
    const result = await undoWrite(access.token, file, savedHere.hash);
    fillIn.saved(
      result.ok ? { ...savedHere, undone: true } : { ...savedHere, error: result.error },
    );
  };

  return (
    <div className="mt-3">
      <button
        type="button"
        className={BUTTON}
        onClick={() =>
          void openFillIn({
            file,
            start: doc.lines[0],
            end: doc.lines[1],
            hash: pageHash,
            anchor: 'top',
            label: `the whole talk “${doc.title}”`,
          })
        }
      >
        Edit talk
      </button>
      {editingTop && session && (
        <FillInEditor key={session.key} session={session} pageHash={pageHash} />
      )}
      {savedHere && (
        <div
          role="status"
          className="mt-3 flex flex-wrap items-center gap-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950/40 dark:text-emerald-100"
        >
          <span>
            {savedHere.undone
              ? `Undone: ${file} is back as it was.`
              : `Saved ${savedHere.label} to lines ${savedHere.start}–${savedHere.end} of ${file}.`}
            {savedHere.error && ` ${savedHere.error}`}
          </span>
          {!savedHere.undone && (
            <button type="button" className={BUTTON} onClick={() => void undo()}>
              Undo
            </button>
          )}
          {doc.gaps.length > 0 ? (
            <button ref={nextButton} type="button" className={BUTTON} onClick={goNext}>
              Next gap <kbd>n</kbd>
            </button>
          ) : (
            <NextTalkWithGaps doc={doc} />
          )}
          <button
            type="button"
            className={BUTTON}
            aria-label="Close the confirmation"
            onClick={() => fillIn.saved(null)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

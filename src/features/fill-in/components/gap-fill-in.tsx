import { useSuspenseQuery } from '@tanstack/react-query';
import type { Gap } from '../../../compiler/contract';
import { indexQueryOptions } from '../../notes/api/get-index';
import { GAP_LABELS, type GapMarkerProps } from '../../talks/components/gap-marker';
import { writeToken } from '../api/notes-write';
import { useFillIn } from '../fill-in-store';
import { openFillIn } from '../open-fill-in';
import { FillInEditor } from './fill-in-editor';

/** The hash of a notes file's bytes the page's data was compiled from ('' when unknown). */
export function usePageHash(file: string): string {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  return index.conferences.find((c) => c.file === file)?.sourceHash ?? '';
}

/** A gap's label in the editor: "Q&A: empty section". */
export function gapLabel(gap: Gap): string {
  return `${gap.section ? `${gap.section}: ` : ''}${GAP_LABELS[gap.kind]}`;
}

/** Dev only: a gap marker's "Fill in" button. */
export function GapFillInButton({ gap, file, placement }: GapMarkerProps) {
  const { session } = useFillIn();
  const pageHash = usePageHash(file);
  if (!writeToken()) return null;
  const open = session?.file === file && session.start === gap.line && session.end === gap.end;
  return (
    <button
      type="button"
      className="ml-1 rounded px-1 font-semibold underline underline-offset-2"
      aria-label={`Fill in ${gapLabel(gap)}, line ${gap.line}`}
      aria-expanded={open}
      onClick={() =>
        void openFillIn({
          file,
          start: gap.line,
          end: gap.end,
          hash: pageHash,
          // An editor cannot stand inside a heading: it opens under the talk's header.
          anchor: placement === 'heading' ? 'top' : { gap: gap.id },
          label: gapLabel(gap),
        })
      }
    >
      Fill in
    </button>
  );
}

/** Dev only: the editor right after a gap's marker, while it is open there. */
export function GapFillInSlot({ gap, file }: { gap: Gap; file: string }) {
  const { session } = useFillIn();
  const pageHash = usePageHash(file);
  const here =
    session?.file === file && typeof session.anchor === 'object' && session.anchor.gap === gap.id;
  if (!here || !session) return null;
  return <FillInEditor key={session.key} session={session} pageHash={pageHash} />;
}

import { Suspense } from 'react';
import type { Gap, GapKind } from '../../../compiler/contract';
import { Icon } from '../../../components/icon';
import { editUrl } from '../../../config/edit';
import { LazyGapFillInButton, LazyGapFillInSlot } from '../../fill-in/lazy-fill-in';

/** Each kind of gap in a few words, for lists and summaries ("Setup: empty link"). */
export const GAP_LABELS: Record<GapKind, string> = {
  'empty-talk': 'empty talk',
  'empty-section': 'empty section',
  'empty-heading': 'empty heading',
  'empty-references': 'empty references',
  'empty-item': 'empty item',
  'empty-link': 'empty link',
  todo: 'to do',
};

/**
 * The kind as the marker in the text says it, where that differs from `GAP_LABELS`: after "to fill
 * in", "to do" would say the same thing twice; the word the notes use for it reads naturally.
 */
const MARKER_LABELS: Partial<Record<GapKind, string>> = { todo: 'TODO' };

/** A gap, its notes file, and where its marker stands (in a heading, in a line, as a block). */
export interface GapMarkerProps {
  gap: Gap;
  file: string;
  placement: 'inline' | 'block' | 'heading';
}

/**
 * A visible "to fill in" marker where a gap is, with its kind, source line and edit link; on the
 * dev server also a "Fill in" button, and the editor after the marker while it is open.
 */
export function GapMarker({ gap, file, placement }: GapMarkerProps) {
  const edit = editUrl(file, gap.line);
  const Tag = placement === 'block' ? 'div' : 'span';
  const marker = (
    <Tag
      id={gap.id}
      data-gap={gap.kind}
      title={gap.message}
      className={`gap-marker ${placement === 'block' ? 'my-2 flex' : 'ml-2 inline-flex'}`}
    >
      <Icon name="gap" className="size-3.5 shrink-0" />
      <span className="font-semibold">to fill in</span>
      <span aria-hidden="true">·</span>
      <span>{MARKER_LABELS[gap.kind] ?? GAP_LABELS[gap.kind]}</span>
      <span aria-hidden="true">·</span>
      <span>line {gap.line}</span>
      {edit && (
        <a href={edit} className="gap-edit" aria-label={`Edit line ${gap.line}`}>
          <Icon name="edit" className="size-3.5" />
          edit
        </a>
      )}
      {LazyGapFillInButton && (
        <Suspense fallback={null}>
          <LazyGapFillInButton gap={gap} file={file} placement={placement} />
        </Suspense>
      )}
    </Tag>
  );
  if (!LazyGapFillInSlot || placement === 'heading') return marker;
  return (
    <>
      {marker}
      <Suspense fallback={null}>
        <LazyGapFillInSlot gap={gap} file={file} />
      </Suspense>
    </>
  );
}

import { Fragment } from 'react';
import type { SnippetPiece } from '../../../lib/search-snippet';

/**
 * Text with its matches in <mark>, built as elements (never HTML). With `lines`, the line breaks
 * between blocks of a snippet read as separators.
 */
export function Marked({
  pieces,
  lines = false,
}: {
  pieces: readonly SnippetPiece[];
  lines?: boolean;
}) {
  return pieces.map((piece, index) => {
    const text = lines ? piece.text.replaceAll('\n', ' · ') : piece.text;
    return piece.match ? (
      <mark
        key={index}
        className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-500/40"
      >
        {text}
      </mark>
    ) : (
      <Fragment key={index}>{text}</Fragment>
    );
  });
}

import { memo } from 'react';
import { StatusIcon } from '../../../components/status-icon';
import type { ShownHit } from '../../../lib/search-run';
import type { SnippetPiece } from '../../../lib/search-snippet';
import { Marked } from './marked';

function samePieces(a: readonly SnippetPiece[], b: readonly SnippetPiece[]): boolean {
  return (
    a.length === b.length &&
    a.every((piece, i) => piece.text === b[i].text && piece.match === b[i].match)
  );
}

/**
 * Whether two hits show the same thing. Each keystroke's hits come fresh from the worker, often
 * the same sections marked the same way (`gorou` → `gorout`): their rows need no render.
 */
export function sameHit(a: ShownHit, b: ShownHit): boolean {
  return (
    a.id === b.id &&
    a.pending === b.pending &&
    a.status === b.status &&
    a.day === b.day &&
    a.headingId === b.headingId &&
    a.heading === b.heading &&
    a.snippet.before === b.snippet.before &&
    a.snippet.after === b.snippet.after &&
    samePieces(a.talkTitlePieces, b.talkTitlePieces) &&
    samePieces(a.headingPieces, b.headingPieces) &&
    samePieces(a.snippet.pieces, b.snippet.pieces)
  );
}

interface RowProps {
  hit: ShownHit;
  index: number;
  optionId: string;
  selected: boolean;
  conferenceTitle: string | undefined;
  /** Several conferences are listed: the line under the title says which. */
  named: boolean;
  onOpen: (hit: ShownHit) => void;
  onPoint: (index: number) => void;
}

function HitRow({
  hit,
  index,
  optionId,
  selected,
  conferenceTitle,
  named,
  onOpen,
  onPoint,
}: RowProps) {
  return (
    <li
      id={optionId}
      role="option"
      aria-selected={selected}
      onClick={() => onOpen(hit)}
      onMouseMove={() => {
        if (!selected) onPoint(index);
      }}
      className="cursor-pointer rounded-lg px-3 py-2 aria-selected:bg-sky-100 dark:aria-selected:bg-sky-900/50"
    >
      <span className="flex items-center gap-2">
        <StatusIcon status={hit.status} />
        <span className="min-w-0 truncate font-medium">
          <Marked pieces={hit.talkTitlePieces} />
        </span>
      </span>
      <span className="mt-0.5 block truncate text-xs text-slate-600 dark:text-slate-400">
        {[conferenceTitle, hit.day].filter(Boolean).join(' · ')}
        {hit.headingId !== null && (
          <>
            {hit.day || named ? ' › ' : ''}
            {hit.heading ? <Marked pieces={hit.headingPieces} /> : 'Untitled section'}
          </>
        )}
      </span>
      {hit.snippet.pieces.length > 0 && (
        <span className="mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">
          {hit.snippet.before && '…'}
          <Marked pieces={hit.snippet.pieces} lines />
          {hit.snippet.after && '…'}
        </span>
      )}
    </li>
  );
}

const MemoRow = memo(HitRow, (before, after) => {
  const { hit, ...rest } = before;
  const { hit: next, ...nextRest } = after;
  return (
    sameHit(hit, next) &&
    (Object.keys(rest) as (keyof typeof rest)[]).every((key) => rest[key] === nextRest[key])
  );
});

export interface SearchHitsProps {
  hits: readonly ShownHit[];
  active: number;
  listId: string;
  optionId: (index: number) => string;
  /** Conference titles by slug when several conferences are listed, else null. */
  conferenceTitles: ReadonlyMap<string, string> | null;
  onOpen: (hit: ShownHit) => void;
  onPoint: (index: number) => void;
  onScroll: (scrolled: boolean) => void;
}

/**
 * The listbox of hits. Memoized: a keystroke re-renders the dialog while the list stays the
 * previous query's until the next hits arrive, and then only the rows that changed render.
 */
export const SearchHits = memo(function SearchHits({
  hits,
  active,
  listId,
  optionId,
  conferenceTitles,
  onOpen,
  onPoint,
  onScroll,
}: SearchHitsProps) {
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Search results"
      onScroll={(event) => onScroll(event.currentTarget.scrollTop > 0)}
      className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2"
    >
      {hits.map((hit, index) => (
        <MemoRow
          key={hit.id}
          hit={hit}
          index={index}
          optionId={optionId(index)}
          selected={index === active}
          conferenceTitle={conferenceTitles?.get(hit.conference)}
          named={conferenceTitles !== null}
          onOpen={onOpen}
          onPoint={onPoint}
        />
      ))}
    </ul>
  );
});

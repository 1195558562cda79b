import { memo, type CSSProperties } from 'react';
import type { Conference, Day, TalkSummary } from '../../../compiler/contract';
import { AppLink } from '../../../components/app-link';
import { Icon } from '../../../components/icon';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import type { ShowFilter } from '../../../lib/filters';
import { formatDay } from '../../../lib/format-date';
import type { SidebarRow } from '../../../lib/sidebar-rows';
import { BookmarkButton } from '../../bookmarks/components/bookmark-button';
import type { TalkRef } from '../../offline/use-offline-availability';
import { TalkAnchor } from '../../talks/components/talk-link';

export function completeText(summary: { complete: number; talks: number }): string {
  return `${summary.complete} of ${summary.talks} complete`;
}

function dayText(day: Day): string {
  return [day.label || 'Talks', formatDay(day.date)].filter(Boolean).join(' ');
}

const ConferenceRow = memo(function ConferenceRow({
  conference,
  expanded,
  shown,
  current,
  show,
  onToggle,
}: {
  conference: Conference;
  expanded: boolean;
  shown: number;
  current: boolean;
  show: ShowFilter;
  onToggle: (slug: string) => void;
}) {
  return (
    <div className="flex items-center gap-0.5 pt-2">
      <AppLink
        to={paths.conference(conference.slug, { show })}
        aria-current={current ? 'page' : undefined}
        className="sidebar-conference min-w-0 flex-1"
      >
        {conference.title}
      </AppLink>
      <button
        type="button"
        className="icon-button size-7 shrink-0 text-slate-500 dark:text-slate-400"
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Hide' : 'Show'} the talks of ${conference.title}`}
        title={`${shown} ${shown === 1 ? 'talk' : 'talks'}`}
        onClick={() => onToggle(conference.slug)}
      >
        <Icon name="right" className={`size-4 ${expanded ? 'rotate-90' : ''}`} />
      </button>
    </div>
  );
});

const DayRow = memo(function DayRow({ day }: { day: Day }) {
  const date = formatDay(day.date);
  return (
    <div className="flex items-baseline justify-between gap-2 px-2 pt-3 pb-1">
      <p className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        {day.label || 'Talks'}
        {date && (
          <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">{date}</span>
        )}
      </p>
      <p className="shrink-0 text-xs text-slate-600 tabular-nums dark:text-slate-400">
        {completeText(day.summary)}
      </p>
    </div>
  );
});

const TalkRow = memo(function TalkRow({
  conference,
  talk,
  current,
  show,
  available,
}: {
  conference: Conference;
  talk: TalkSummary;
  current: boolean;
  show: ShowFilter;
  /** Offline: whether the talk can be opened; online: undefined (nothing to mark). */
  available?: boolean;
}) {
  return (
    <>
      <span className="mt-2 shrink-0">
        <StatusIcon status={talk.status} gaps={talk.gaps} />
      </span>
      <TalkAnchor
        conference={conference.slug}
        talk={talk.slug}
        show={show}
        aria-current={current ? 'page' : undefined}
        title={available === false ? `${talk.title} (needs a network)` : talk.title}
        // Dimmed when it needs a network (not the current one: it keeps its highlight).
        className={`sidebar-link flex-1 ${available === false && !current ? 'text-slate-500 dark:text-slate-400' : ''}`}
      >
        {talk.title}
      </TalkAnchor>
      {available && (
        <span
          role="img"
          aria-label="Available offline"
          title="Available offline"
          className="mt-2 inline-flex shrink-0 text-emerald-700 dark:text-emerald-400"
        >
          <Icon name="saved" className="size-4" />
        </span>
      )}
      <BookmarkButton
        bookmark={{
          conference: conference.slug,
          talk: talk.slug,
          title: talk.title,
          conferenceTitle: conference.title,
        }}
      />
    </>
  );
});

/** A row to render: its index in the row list, a stable key, and where it starts (virtual lists). */
export interface RowItem {
  index: number;
  key: string | number | bigint;
  start: number;
}

type TalkRowData = Extract<SidebarRow, { kind: 'talk' }>;

/** Rendered rows, with the talks of one day that follow each other in one list. */
type Block =
  | { kind: 'row'; item: RowItem; row: Exclude<SidebarRow, TalkRowData> }
  | { kind: 'talks'; start: number; rows: { item: RowItem; row: TalkRowData }[] };

function toBlocks(items: readonly RowItem[], rows: readonly SidebarRow[]): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    const row = rows[item.index]!;
    const last = blocks.at(-1);
    const previous = last?.kind === 'talks' ? last.rows.at(-1) : undefined;
    if (row.kind !== 'talk') {
      blocks.push({ kind: 'row', item, row });
    } else if (
      last?.kind === 'talks' &&
      previous?.row.dayKey === row.dayKey &&
      previous.item.index === item.index - 1
    ) {
      last.rows.push({ item, row });
    } else {
      blocks.push({ kind: 'talks', start: item.start, rows: [{ item, row }] });
    }
  }
  return blocks;
}

/**
 * The given rows of the talk tree. A virtual list passes where each block starts and a ref that
 * measures each row; a plain one renders them in flow.
 */
export function TreeRows({
  items,
  rows,
  show,
  currentConference,
  onToggle,
  isAvailable,
  place,
  measure,
}: {
  items: readonly RowItem[];
  rows: readonly SidebarRow[];
  show: ShowFilter;
  /** Offline: whether a talk can be opened without a network, to mark it; online: null. */
  isAvailable?: ((ref: TalkRef) => boolean) | null;
  /** Slug of the conference whose page is open (its link is the current page). */
  currentConference: string | null;
  onToggle: (slug: string) => void;
  place?: (start: number) => CSSProperties;
  measure?: (node: Element | null) => void;
}) {
  return toBlocks(items, rows).map((block) => {
    if (block.kind === 'talks') {
      const first = block.rows[0]!;
      return (
        <ul
          key={first.item.key}
          aria-label={`${first.row.conference.title}, ${dayText(first.row.day)}`}
          style={place?.(block.start)}
        >
          {block.rows.map(({ item, row }) => (
            <li
              key={item.key}
              data-index={item.index}
              ref={measure}
              aria-posinset={row.position}
              aria-setsize={row.setSize}
              // A virtual list renders only the rows in view, and measures each.
              className={`group flex items-start gap-1.5 pb-px pl-2 ${measure ? '' : 'offscreen-lazy'}`}
            >
              <TalkRow
                conference={row.conference}
                talk={row.talk}
                current={row.current}
                show={show}
                available={
                  isAvailable?.({
                    conference: row.conference.slug,
                    talk: row.talk.slug,
                    dataFile: row.talk.dataFile,
                  }) ?? undefined
                }
              />
            </li>
          ))}
        </ul>
      );
    }
    const { item, row } = block;
    return (
      <div key={item.key} data-index={item.index} ref={measure} style={place?.(item.start)}>
        {row.kind === 'conference' ? (
          <ConferenceRow
            conference={row.conference}
            expanded={row.expanded}
            shown={row.shown}
            current={currentConference === row.conference.slug}
            show={show}
            onToggle={onToggle}
          />
        ) : (
          <DayRow day={row.day} />
        )}
      </div>
    );
  });
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Conference, Day, TalkSummary } from '../../../compiler/contract';
import { Icon } from '../../../components/icon';
import { StatusIcon } from '../../../components/status-icon';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { SHOW_LABELS, type ShowFilter } from '../../../lib/filters';
import { formatDay } from '../../../lib/format-date';
import { sidebarRows, type SidebarRow } from '../../../lib/sidebar-rows';
import { BookmarkButton } from '../../bookmarks/components/bookmark-button';
import { indexQueryOptions } from '../../notes/api/get-index';
import { TalkLink } from '../../talks/components/talk-link';

export function completeText(summary: { complete: number; talks: number }): string {
  return `${summary.complete} of ${summary.talks} complete`;
}

/** Row heights before they are measured (talk titles may wrap). */
const ESTIMATE: Record<SidebarRow['kind'], number> = { conference: 36, day: 36, talk: 32 };
/**
 * The viewport assumed before the sidebar is measured: the pre-rendered HTML and the first
 * (hydrating) render must agree, so both render the rows that fit this much.
 */
const INITIAL_RECT = { width: 320, height: 1200 };
const OVERSCAN = 12;

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** The nearest ancestor that scrolls vertically (the sidebar column, or the phone drawer). */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

function dayText(day: Day): string {
  const date = formatDay(day.date);
  return [day.label || 'Talks', date].filter(Boolean).join(' ');
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
      <Link
        to={paths.conference(conference.slug, { show })}
        aria-current={current ? 'page' : undefined}
        className="sidebar-conference min-w-0 flex-1"
      >
        {conference.title}
      </Link>
      <button
        type="button"
        className="icon-button size-7 shrink-0 text-slate-500 dark:text-slate-400"
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Hide' : 'Show'} the talks of ${conference.title} (${shown})`}
        title={`${shown} ${shown === 1 ? 'talk' : 'talks'}`}
        onClick={() => onToggle(conference.slug)}
      >
        <Icon
          name="right"
          className={`size-4 transition-transform ${expanded ? 'rotate-90' : ''}`}
        />
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
        {date && <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">{date}</span>}
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
}: {
  conference: Conference;
  talk: TalkSummary;
  current: boolean;
}) {
  return (
    <>
      <span className="mt-2 shrink-0">
        <StatusIcon status={talk.status} gaps={talk.gaps} />
      </span>
      <TalkLink
        conference={conference.slug}
        talk={talk.slug}
        aria-current={current ? 'page' : undefined}
        title={talk.title}
        className="sidebar-link flex-1"
      >
        {talk.title}
      </TalkLink>
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

/** Rendered rows, with the talks of one day that are next to each other in one list. */
type Block =
  | { kind: 'row'; item: VirtualItem; row: Exclude<SidebarRow, { kind: 'talk' }> }
  | { kind: 'talks'; start: number; rows: { item: VirtualItem; row: SidebarRow & { kind: 'talk' } }[] };

function toBlocks(items: VirtualItem[], rows: SidebarRow[]): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    const row = rows[item.index]!;
    const last = blocks.at(-1);
    if (row.kind !== 'talk') {
      blocks.push({ kind: 'row', item, row });
    } else if (
      last?.kind === 'talks' &&
      last.rows.at(-1)!.row.dayKey === row.dayKey &&
      last.rows.at(-1)!.item.index === item.index - 1
    ) {
      last.rows.push({ item, row });
    } else {
      blocks.push({ kind: 'talks', start: item.start, rows: [{ item, row }] });
    }
  }
  return blocks;
}

/**
 * Conferences → days → talks, filtered by `?show=`. Conferences collapse (only the current one is
 * open when there are many talks) and only the rows in view are rendered, so the sidebar stays
 * quick with thousands of talks.
 */
export function TalkTree() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const params = useParams();
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(
    () =>
      sidebarRows(index, { show, conference: params.conference, talk: params.talk, toggled }),
    [index, show, params.conference, params.talk, toggled],
  );
  const onToggle = useCallback((slug: string) => {
    setToggled((before) => {
      const after = new Set(before);
      if (!after.delete(slug)) after.add(slug);
      return after;
    });
  }, []);

  const navRef = useRef<HTMLElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useIsomorphicLayoutEffect(() => {
    const nav = navRef.current;
    const element = nav && scrollParent(nav);
    if (!nav || !element) return;
    // Where the list starts inside the scrolling column (search, bookmarks and filter come first;
    // the bookmarks grow and shrink).
    const measure = () =>
      setScrollMargin(
        nav.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop,
      );
    measure();
    setScroller(element);
    const observer = new ResizeObserver(measure);
    if (nav.parentElement) observer.observe(nav.parentElement);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: (i) => ESTIMATE[rows[i]!.kind],
    getItemKey: (i) => rows[i]!.key,
    overscan: OVERSCAN,
    scrollMargin,
    initialRect: INITIAL_RECT,
  });

  // Bring the talk being read into view when it changes. Not when it is already in view (it was
  // just clicked, say): scrolling forces a layout before the new page can paint.
  const currentIndex = rows.findIndex((row) => row.kind === 'talk' && row.current);
  useEffect(() => {
    if (currentIndex < 0 || !scroller) return;
    const range = virtualizer.range;
    if (range && currentIndex > range.startIndex && currentIndex < range.endIndex) return;
    virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, scroller, virtualizer]);

  const blocks = toBlocks(virtualizer.getVirtualItems(), rows);
  const anyTalk = rows.some((row) => row.kind === 'talk');
  const place = (start: number) => ({
    position: 'absolute' as const,
    top: 0,
    left: 0,
    width: '100%',
    transform: `translateY(${start - scrollMargin}px)`,
  });

  return (
    <nav ref={navRef} aria-label="Talks" className="px-1 pb-6">
      {!anyTalk && (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
          No talks match “{SHOW_LABELS[show]}”.
        </p>
      )}
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {blocks.map((block) => {
          if (block.kind === 'talks') {
            const first = block.rows[0]!.row;
            return (
              <ul
                key={block.rows[0]!.item.key}
                aria-label={`${first.conference.title}, ${dayText(first.day)}`}
                style={place(block.start)}
              >
                {block.rows.map(({ item, row }) => (
                  <li
                    key={item.key}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    aria-posinset={row.position}
                    aria-setsize={row.setSize}
                    className="group flex items-start gap-1.5 pb-px pl-2"
                  >
                    <TalkRow conference={row.conference} talk={row.talk} current={row.current} />
                  </li>
                ))}
              </ul>
            );
          }
          const { item, row } = block;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={place(item.start)}
            >
              {row.kind === 'conference' ? (
                <ConferenceRow
                  conference={row.conference}
                  expanded={row.expanded}
                  shown={row.shown}
                  current={params.conference === row.conference.slug && !params.talk}
                  show={show}
                  onToggle={onToggle}
                />
              ) : (
                <DayRow day={row.day} />
              )}
            </div>
          );
        })}
      </div>
    </nav>
  );
}

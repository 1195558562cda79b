import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps } from 'react';
import type { SidebarRow } from '../../../lib/sidebar-rows';
import { TreeRows } from './tree-rows';

/** Row heights before they are measured (talk titles may wrap). */
const ESTIMATE: Record<SidebarRow['kind'], number> = { conference: 36, day: 36, talk: 32 };
/**
 * The viewport assumed before the sidebar is measured: the pre-rendered HTML and the first
 * (hydrating) render must agree, so both render the rows that fit this much.
 */
const INITIAL_RECT = { width: 320, height: 900 };
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

type Props = Omit<ComponentProps<typeof TreeRows>, 'items' | 'place' | 'measure'>;

/**
 * The talk tree's rows, only those in view (and a few around) in the DOM: thousands of talks cost
 * what a screenful does. Loaded only for long lists.
 */
export default function VirtualRows(props: Props) {
  const { rows } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useIsomorphicLayoutEffect(() => {
    const box = boxRef.current;
    const element = box && scrollParent(box);
    if (!box || !element) return;
    // Where the list starts inside the scrolling column (search, bookmarks and filter come first,
    // and the bookmarks grow and shrink).
    const measure = () =>
      setScrollMargin(
        box.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop,
      );
    measure();
    setScroller(element);
    const observer = new ResizeObserver(measure);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  // The app does not use the React Compiler, whose memoizing this warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: (i) => ESTIMATE[rows[i]!.kind],
    getItemKey: (i) => rows[i]!.key,
    overscan: OVERSCAN,
    scrollMargin,
    initialRect: INITIAL_RECT,
  });

  // Bring the talk being read into view: centred once the list can scroll, then, as another talk
  // is opened, only if it is out of view (a talk just clicked is in view, and scrolling would force
  // a layout before the new page can paint). Not when a filter only moves it: the reader is at the
  // filter, and the list scrolling away would take it from under the pointer.
  const currentIndex = rows.findIndex((row) => row.kind === 'talk' && row.current);
  const currentKey = currentIndex < 0 ? null : rows[currentIndex]!.key;
  const placed = useRef<string | null>(null);
  useEffect(() => {
    if (currentKey === null || !scroller || currentKey === placed.current) return;
    const first = placed.current === null;
    placed.current = currentKey;
    if (first) {
      virtualizer.scrollToIndex(currentIndex, { align: 'center' });
      return;
    }
    const range = virtualizer.range;
    if (range && currentIndex > range.startIndex && currentIndex < range.endIndex) return;
    virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, currentKey, scroller, virtualizer]);

  return (
    <div ref={boxRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      <TreeRows
        {...props}
        items={virtualizer.getVirtualItems()}
        measure={virtualizer.measureElement}
        place={(start) => ({
          position: 'absolute',
          top: 0,
          left: 0,
          width: '100%',
          transform: `translateY(${start - scrollMargin}px)`,
        })}
      />
    </div>
  );
}

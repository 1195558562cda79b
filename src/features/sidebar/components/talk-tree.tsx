import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Icon } from '../../../components/icon';
import { useOnline } from '../../../hooks/use-online';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { SHOW_LABELS } from '../../../lib/filters';
import { sidebarRows } from '../../../lib/sidebar-rows';
import { indexQueryOptions } from '../../notes/api/get-index';
import { useOfflineAvailability } from '../../offline/use-offline-availability';
import { TreeRows, type RowItem } from './tree-rows';

/** Up to this many rows the tree is a plain list; above, only the rows in view are rendered. */
export const PLAIN_MAX_ROWS = 150;

const VirtualRows = lazy(() => import('./virtual-rows'));

/**
 * Conferences → days → talks, filtered by `?show=`. Conferences collapse (only the current one is
 * open when there are many talks), and a long list renders only the rows in view, so the sidebar
 * stays quick with thousands of talks.
 */
export function TalkTree() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const params = useParams();
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(
    () => sidebarRows(index, { show, conference: params.conference, talk: params.talk, toggled }),
    [index, show, params.conference, params.talk, toggled],
  );
  const onToggle = useCallback((slug: string) => {
    setToggled((before) => {
      const after = new Set(before);
      if (!after.delete(slug)) after.add(slug);
      return after;
    });
  }, []);

  // Offline, the rows mark which talks can be opened (the others need a network).
  const online = useOnline();
  const isAvailable = useOfflineAvailability();

  const props = {
    rows,
    show,
    currentConference: params.conference && !params.talk ? params.conference : null,
    onToggle,
    isAvailable: online ? null : isAvailable,
  };
  const items = useMemo<RowItem[]>(
    () => rows.map((row, index) => ({ index, key: row.key, start: 0 })),
    [rows],
  );
  const plain = <TreeRows {...props} items={items} />;

  return (
    <nav aria-label="Talks" className="px-1 pb-6">
      {!online && (
        <p className="mx-2 mt-1 flex items-start gap-1.5 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
          <Icon name="saved" className="mt-px size-3.5 shrink-0" />
          Offline: the marked talks are on this device; the others need a network.
        </p>
      )}
      {!rows.some((row) => row.kind === 'talk') && (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
          No talks match “{SHOW_LABELS[show]}”.
        </p>
      )}
      {rows.length <= PLAIN_MAX_ROWS ? (
        <>
          {plain}
          <ScrollToCurrent />
        </>
      ) : (
        // Until the virtual list's code has loaded, every row (once, then only those in view).
        <Suspense fallback={plain}>
          <VirtualRows {...props} />
        </Suspense>
      )}
    </nav>
  );
}

/** In a plain list, brings the talk being read into view when it changes (if it is not already). */
function ScrollToCurrent() {
  const { talk } = useParams();
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const link =
      marker.current?.parentElement?.querySelector<HTMLElement>('a[aria-current="page"]');
    // Not when the link has focus: it was just clicked, so it is in view, and measuring now would
    // force a layout before the new page paints.
    if (!link || link === document.activeElement) return;
    link.scrollIntoView({ block: 'nearest' });
  }, [talk]);
  return <span ref={marker} hidden />;
}

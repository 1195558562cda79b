import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { KEEP_SCROLL } from '../../../app/scroll-restoration';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { countByShow, SHOW_FILTERS, SHOW_LABELS, type ShowFilter } from '../../../lib/filters';
import { indexQueryOptions } from '../../notes/api/get-index';

/** All / Incomplete / Empty only, with counts; the choice is a URL query, so it can be bookmarked. */
export function FilterControl() {
  const { data: index } = useSuspenseQuery(indexQueryOptions());
  const show = useShowFilter();
  const params = useParams();
  const counts = countByShow(index);

  // Stay on the page being read; only the query changes.
  const target = (filter: ShowFilter) =>
    params.conference && params.talk
      ? paths.talk(params.conference, params.talk, { show: filter })
      : params.conference
        ? paths.conference(params.conference, { show: filter })
        : paths.home({ show: filter });

  return (
    <div className="px-3 pb-2">
      <p id="filter-label" className="sidebar-label">
        Show talks
      </p>
      <div
        role="group"
        aria-labelledby="filter-label"
        className="mt-1 grid grid-cols-3 gap-0.5 rounded-lg bg-slate-200/70 p-0.5 dark:bg-slate-800"
      >
        {SHOW_FILTERS.map((filter) => (
          <Link
            key={filter}
            to={target(filter)}
            replace
            state={KEEP_SCROLL}
            aria-current={filter === show ? 'true' : undefined}
            className="filter-option"
          >
            <span>{SHOW_LABELS[filter]}</span>{' '}
            <span className="tabular-nums opacity-80">{counts[filter]}</span>
          </Link>
        ))}
      </div>
    </div>
  );
}

import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import type { TalkEntry } from '../../../lib/notes-index';
import { BookmarkButton } from '../../bookmarks/components/bookmark-button';

/**
 * The top of a talk's reading pane: its conference (a link) and its title with the bookmark
 * button. The talk page and the "not available offline" pane both start with it.
 */
export function TalkTitle({ entry, title }: { entry: TalkEntry; title: string }) {
  const { conference, talk } = entry;
  const show = useShowFilter();
  return (
    <>
      <p className="text-sm">
        <Link
          to={paths.conference(conference.slug, { show })}
          className="font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
        >
          {conference.title}
        </Link>
      </p>
      <div className="mt-1 flex items-start gap-2">
        <h1 className="page-title flex-1">{title}</h1>
        <span className="mt-1">
          <BookmarkButton
            size="md"
            bookmark={{
              conference: conference.slug,
              talk: talk.slug,
              title: talk.title,
              conferenceTitle: conference.title,
            }}
          />
        </span>
      </div>
    </>
  );
}

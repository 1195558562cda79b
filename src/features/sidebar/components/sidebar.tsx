import { BookmarksList } from '../../bookmarks/components/bookmarks-list';
import { SearchBox } from '../../search/components/search-box';
import { FilterControl } from './filter-control';
import { TalkTree } from './talk-tree';

/** Everything beside the reading pane: search, bookmarks, the filter and the talks. */
export function Sidebar() {
  return (
    <div className="flex flex-col">
      <SearchBox />
      <BookmarksList />
      <FilterControl />
      <TalkTree />
    </div>
  );
}

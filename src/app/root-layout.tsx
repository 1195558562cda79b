import { Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Drawer } from '../components/drawer';
import { Icon } from '../components/icon';
import { SidebarSkeleton } from '../components/skeleton';
import { paths } from '../config/paths';
import { useShowFilter } from '../hooks/use-show-filter';
import { OfflineIndicator } from '../features/offline/components/offline-indicator';
import { UpdatePrompt } from '../features/offline/components/update-prompt';
import { Sidebar } from '../features/sidebar/components/sidebar';
import { useRecordReads } from '../features/talks/recent-reads';
import { ThemeToggle } from '../features/theme/components/theme-toggle';
import { NavigateProvider } from './navigate-context';
import { PaneBoundary } from './pane-boundary';
import { ScrollRestoration } from './scroll-restoration';

// Navigation and location state are read by the small components that show them, and the two
// big subtrees (sidebar, reading pane) are created once: moving between talks then re-renders only
// what changes (the pane, the current row), not the whole app twice (loading, then loaded).

function Main({ children }: { children: ReactNode }) {
  // A page not loaded yet shows the pane's skeleton (PaneBoundary), which says it is busy.
  return (
    <main id="content" tabIndex={-1} className="min-w-0 outline-none">
      {children}
    </main>
  );
}

function HomeLink() {
  const show = useShowFilter();
  return (
    <Link to={paths.home({ show })} className="brand">
      Conference notes
    </Link>
  );
}

/** Header, sidebar (a drawer on phones) and the reading pane, the `<main>` landmark. */
export function RootLayout() {
  const { pathname, search, hash } = useLocation();
  const here = pathname + search + hash;
  // The drawer belongs to the address it was opened at: going anywhere (a link, a search result,
  // a key) closes it, with no effect to keep in sync.
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const menuOpen = openedAt === here;
  const menuButton = useRef<HTMLButtonElement>(null);
  useRecordReads();

  const closeMenu = () => {
    setOpenedAt(null);
    menuButton.current?.focus();
  };

  const sidebar = useMemo(
    () => (
      <Suspense fallback={<SidebarSkeleton />}>
        <Sidebar />
      </Suspense>
    ),
    [],
  );
  const pane = useMemo(
    () => (
      <Main>
        <PaneBoundary>
          <Outlet />
        </PaneBoundary>
      </Main>
    ),
    [],
  );

  return (
    <NavigateProvider>
      <div className="min-h-dvh">
        <a href={paths.anchor('content')} className="skip-link">
          Skip to content
        </a>
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/90 px-3 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
          <button
            ref={menuButton}
            type="button"
            className="icon-button md:hidden"
            aria-label="Menu"
            aria-expanded={menuOpen}
            aria-haspopup="dialog"
            onClick={() => setOpenedAt(here)}
          >
            <Icon name="menu" className="size-5" />
          </button>
          <HomeLink />
          <div className="ml-auto flex items-center gap-2">
            <OfflineIndicator />
            <ThemeToggle />
          </div>
        </header>

        <div className="md:grid md:grid-cols-[20rem_minmax(0,1fr)]">
          <div className="sidebar hidden md:block">{sidebar}</div>
          {pane}
        </div>

        <Drawer open={menuOpen} onClose={closeMenu} label="Menu">
          {sidebar}
        </Drawer>
        <UpdatePrompt />
        <ScrollRestoration />
      </div>
    </NavigateProvider>
  );
}

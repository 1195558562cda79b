import { PaneSkeleton, SidebarSkeleton } from '../components/skeleton';

/** The app's frame while the index loads the first time: same layout, grey blocks. */
export function HydrateFallback() {
  return (
    <div className="min-h-dvh">
      <div className="sticky top-0 z-30 flex h-14 items-center border-b border-slate-200 px-3 dark:border-slate-800">
        <span className="brand">Conference notes</span>
      </div>
      <div className="md:grid md:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="sidebar hidden md:block">
          <SidebarSkeleton />
        </div>
        <main className="min-w-0">
          <PaneSkeleton />
        </main>
      </div>
    </div>
  );
}

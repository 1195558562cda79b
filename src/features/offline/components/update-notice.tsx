import { Icon } from '../../../components/icon';
import { reloadForUpdate } from '../worker-state';

/** "New notes available" with Reload and Later (which hides it until the next visit). */
export function UpdateNotice({ onLater }: { onLater: () => void }) {
  return (
    <div className="pointer-events-auto flex w-full max-w-md flex-wrap items-center gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="flex min-w-0 flex-1 items-center gap-2 text-sm font-medium text-slate-900 dark:text-white">
        <Icon name="reload" className="size-5 shrink-0 text-sky-700 dark:text-sky-300" />
        New notes available
      </p>
      <div className="flex items-center gap-2">
        <button type="button" className="button-primary py-1.5" onClick={reloadForUpdate}>
          Reload
        </button>
        <button type="button" className="chip-button px-2.5 py-1.5 text-sm" onClick={onLater}>
          Later
        </button>
      </div>
    </div>
  );
}

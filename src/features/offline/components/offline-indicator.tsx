import { Icon } from '../../../components/icon';
import { useOnline } from '../../../hooks/use-online';

/**
 * "Offline" in the header while the network is gone. The live region is always there (empty when
 * online), so screen readers announce the change when it comes.
 */
export function OfflineIndicator() {
  const online = useOnline();
  return (
    <span role="status">
      {!online && (
        <span
          className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 dark:border-amber-700/70 dark:bg-amber-950/60 dark:text-amber-200"
          title="No network: bookmarked and recently read talks can still be read"
        >
          <Icon name="offline" className="size-4" />
          Offline
        </span>
      )}
    </span>
  );
}

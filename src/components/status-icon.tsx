import type { GapCounts, TalkStatus } from '../compiler/contract';
import { Icon, type IconName } from './icon';

const LOOK: Record<TalkStatus, { icon: IconName; label: string; className: string }> = {
  complete: {
    icon: 'check',
    label: 'Complete',
    className: 'text-emerald-700 dark:text-emerald-400',
  },
  partial: { icon: 'half', label: 'Partial', className: 'text-amber-700 dark:text-amber-400' },
  empty: { icon: 'circle', label: 'Empty', className: 'text-rose-700 dark:text-rose-400' },
};

export function statusLabel(status: TalkStatus, gaps?: GapCounts): string {
  const label = LOOK[status].label;
  if (!gaps || gaps.total === 0) return label;
  return `${label}: ${gaps.total} ${gaps.total === 1 ? 'gap' : 'gaps'}`;
}

/** A talk's status by colour and icon, named for assistive technology ("Partial: 2 gaps"). */
export function StatusIcon({ status, gaps }: { status: TalkStatus; gaps?: GapCounts }) {
  const look = LOOK[status];
  const label = statusLabel(status, gaps);
  return (
    <span role="img" aria-label={label} title={label} className={`inline-flex ${look.className}`}>
      <Icon name={look.icon} className="size-4" filled={false} />
    </span>
  );
}

/** Status as a word in a coloured pill, for the reading pane and tables. */
export function StatusBadge({ status, gaps }: { status: TalkStatus; gaps?: GapCounts }) {
  const look = LOOK[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border border-current/30 px-2 py-0.5 text-xs font-medium ${look.className}`}
    >
      <Icon name={look.icon} className="size-3.5" />
      {statusLabel(status, gaps)}
    </span>
  );
}

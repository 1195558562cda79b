/** Small stroke icons (24×24 grid); decorative: the surrounding element carries the name. */
const PATHS = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  half: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z',
  circle: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z',
  star: 'M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L12 16.9l-5.2 2.8 1-5.9L3.5 9.7l5.9-.8z',
  menu: 'M4 6h16M4 12h16M4 18h16',
  close: 'M6 6l12 12M18 6L6 18',
  sun: 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  left: 'M15 5l-7 7 7 7',
  right: 'M9 5l7 7-7 7',
  gap: 'M12 8v5M12 16.5v.5M10.3 3.9L2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  copy: 'M9 9h10v11H9zM5 15V4h10',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM20 20l-4-4',
  /** A cloud struck through: no network. */
  offline:
    'M7 18.5h10.5M19.8 16.6a4 4 0 0 0-2.3-6.5A6 6 0 0 0 9.6 5.4M6 8.2A4.5 4.5 0 0 0 7 18.5M3 3l18 18',
  /** An arrow into a circle: kept on this device. */
  saved: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7.5v7.5M8.5 11.5l3.5 3.5 3.5-3.5',
  reload: 'M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4.5v4h-4',
} as const;

/** Solid parts drawn over the stroke (the filled half of "partial"). */
const FILLS: Partial<Record<keyof typeof PATHS, string>> = {
  half: 'M12 3a9 9 0 0 0 0 18z',
};

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  className = 'size-4',
  filled = false,
}: {
  name: IconName;
  className?: string;
  filled?: boolean;
}) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={className}
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
      {FILLS[name] && <path d={FILLS[name]} fill="currentColor" />}
    </svg>
  );
}

import type React from 'react';

/** Grey placeholder blocks with the shape of what is loading, so nothing jumps when it arrives. */
export function SkeletonLine({
  className = '',
  style,
}: {
  className?: string;
  style?: React.CSSProperties;
}) {
  return (
    <div
      className={`animate-pulse rounded bg-slate-200 dark:bg-slate-800 ${className}`}
      style={style}
    />
  );
}

export function PaneSkeleton() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-6 sm:px-8" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <div className="max-w-3xl">
        <SkeletonLine className="h-4 w-32" />
        <SkeletonLine className="mt-3 h-9 w-3/4" />
        <SkeletonLine className="mt-3 h-4 w-1/2" />
        <div className="mt-10 space-y-3">
          {[92, 80, 88, 64, 76, 84, 58].map((width, i) => (
            <SkeletonLine key={i} className="h-4" style={{ width: `${width}%` }} />
          ))}
        </div>
      </div>
    </div>
  );
}

export function SidebarSkeleton() {
  return (
    <div className="space-y-3 p-4" aria-hidden="true">
      <SkeletonLine className="h-8 w-full" />
      {[70, 85, 60, 90, 75, 65, 80, 55].map((width, i) => (
        <SkeletonLine key={i} className="h-4" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

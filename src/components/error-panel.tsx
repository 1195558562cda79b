import type { ReactNode } from 'react';
import { isDataError } from '../lib/data-error';

/** What went wrong, in words, for a data or rendering error. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (isDataError(error)) {
    switch (error.kind) {
      case 'not-found':
        return { title: 'The data file is missing', detail: error.message };
      case 'server':
        return { title: 'The server could not send the data', detail: error.message };
      case 'network':
        return { title: 'The data could not be reached', detail: error.message };
      case 'corrupt':
        return { title: 'The data file is damaged', detail: error.message };
    }
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
  };
}

export function ErrorPanel({
  title,
  detail,
  children,
}: {
  title: string;
  detail: string;
  children?: ReactNode;
}) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-rose-300 bg-rose-50 p-5 dark:border-rose-800 dark:bg-rose-950/40"
    >
      <h2 className="text-lg font-semibold text-rose-900 dark:text-rose-200">{title}</h2>
      <p className="mt-2 text-sm break-words text-rose-900/90 dark:text-rose-200/90">{detail}</p>
      {children && <div className="mt-4 flex flex-wrap items-center gap-3">{children}</div>}
    </div>
  );
}

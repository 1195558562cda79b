import type { FallbackProps } from 'react-error-boundary';
import { describeError, ErrorPanel } from '../components/error-panel';
import { isDataError } from '../lib/data-error';

/** Full-page error: the index could not be loaded, so nothing else can be shown. */
export function RootError({ error }: FallbackProps) {
  const { title, detail } = describeError(error);
  const dataProblem = isDataError(error);
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <title>Notes unavailable — Conference notes</title>
      <h1 className="page-title">
        {dataProblem ? 'The notes could not be loaded' : 'The reader stopped'}
      </h1>
      <div className="mt-6">
        <ErrorPanel title={title} detail={detail}>
          <button type="button" className="button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </ErrorPanel>
      </div>
      {dataProblem && (
        <p className="mt-6 text-slate-700 dark:text-slate-300">
          The reader shows the JSON that the notes compiler writes to <code>public/data/</code>. Run{' '}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">npm run data</code>{' '}
          to build it from <code>notes/*.md</code> (a production build runs it for you), then
          reload.
        </p>
      )}
    </main>
  );
}

import { Icon } from '../../../components/icon';

/** The hint's text with its `code` spans (the compiler writes Markdown-style backticks). */
function HintText({ hint }: { hint: string }) {
  const parts = hint.split('`');
  // An odd backtick out is just a backtick.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`${parts.at(-1)}`);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <code
        key={i}
        className="rounded bg-amber-100 px-1 font-mono whitespace-nowrap text-[0.9em] dark:bg-amber-900/50"
      >
        {part}
      </code>
    ) : (
      part
    ),
  );
}

/**
 * The compiler's hint for a notes file in which it found no talks (what to write so that it
 * does), as a note: large on the conference page, `compact` in the home page's list.
 */
export function ConferenceHint({ hint, compact = false }: { hint: string; compact?: boolean }) {
  return (
    <div
      role="note"
      className={`flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100 ${
        compact ? 'mt-3 px-3 py-2 text-sm' : 'mt-6 p-4'
      }`}
    >
      <Icon
        name="gap"
        className={`shrink-0 text-amber-700 dark:text-amber-300 ${compact ? 'mt-0.5 size-4' : 'mt-1 size-5'}`}
      />
      <p>
        <HintText hint={hint} />
      </p>
    </div>
  );
}

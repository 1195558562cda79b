import type { OutlineHeading } from '../../../compiler/contract';
import { paths } from '../../../config/paths';

/** The talk's sections, for wide screens. */
export function TableOfContents({ outline }: { outline: OutlineHeading[] }) {
  const headings = outline.filter((h) => h.title.trim() !== '');
  if (headings.length < 2) return null;
  const minDepth = Math.min(...headings.map((h) => h.depth));
  return (
    <nav aria-label="On this page" className="sticky top-20 text-sm">
      <p className="sidebar-label">On this page</p>
      <ul className="mt-2 space-y-1 border-l border-slate-200 dark:border-slate-700">
        {headings.map((heading) => (
          <li key={heading.id} style={{ paddingLeft: `${(heading.depth - minDepth) * 0.75}rem` }}>
            <a
              href={paths.anchor(heading.id)}
              className="-ml-px block border-l border-transparent py-0.5 pl-3 text-slate-600 hover:border-slate-400 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            >
              {heading.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { fullNotesPath } from '../config/edit';

/**
 * A notes file's path as the data gives it (relative to the notes folder: `2017/pycon.md`); in
 * `dev`, its full path in a tooltip.
 */
export function NotesFile({ file, className }: { file: string; className?: string }) {
  return (
    <code className={className} title={fullNotesPath(file) ?? undefined}>
      {file}
    </code>
  );
}

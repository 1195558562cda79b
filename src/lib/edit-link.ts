/**
 * Builds the "edit this line" URL from the configured template, or null when there is no template.
 * Placeholders: `{path}` (notes root + file, for local editors), `{file}` (as in the index) and `{line}`.
 */
export function editLink(
  template: string | null | undefined,
  root: string,
  file: string,
  line: number,
): string | null {
  if (!template) return null;
  const path = root ? `${root.replace(/\/+$/, '')}/${file}` : file;
  return template
    .replaceAll('{path}', path)
    .replaceAll('{file}', file)
    .replaceAll('{line}', String(line));
}

import { editLink } from '../lib/edit-link';

// Set at build time by vite.config.ts (`define`); guarded so a build without them just has no links.
const template = typeof __NOTES_EDIT_TEMPLATE__ === 'undefined' ? null : __NOTES_EDIT_TEMPLATE__;
const root = typeof __NOTES_ROOT__ === 'undefined' ? '' : __NOTES_ROOT__;

/** The "edit" URL for a line of a notes file, or null when no edit template is configured. */
export function editUrl(file: string, line: number): string | null {
  return editLink(template, root, file, line);
}

/**
 * The absolute path of a notes file in `dev`, for a tooltip; null in a built site, which never
 * knows (or tells) where its notes were.
 */
export function fullNotesPath(file: string): string | null {
  return root ? `${root.replace(/\/+$/, '')}/${file}` : null;
}

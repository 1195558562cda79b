/// <reference types="vite/client" />

/** Edit-link template (`{path}`, `{file}`, `{line}`), or null for no edit links; set by vite.config.ts. */
declare const __NOTES_EDIT_TEMPLATE__: string | null;
/** Absolute directory the notes files' `file` paths are relative to (for `{path}`). */
declare const __NOTES_ROOT__: string;

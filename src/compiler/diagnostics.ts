import type { Diagnostic, Severity } from './contract.ts';

/** Returns a new diagnostic; mutates nothing. Positions are 1-based. */
export function createDiagnostic(
  severity: Severity,
  file: string,
  line: number,
  column: number,
  message: string,
): Diagnostic {
  return { severity, file, line, column, message };
}

/**
 * Returns the diagnostic as `file:line:col: message` (the form editors and terminals make
 * clickable); with `severity: true`, `file:line:col: warning: message`. Mutates nothing.
 */
export function formatDiagnostic(d: Diagnostic, options: { severity?: boolean } = {}): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  return options.severity ? `${where}: ${d.severity}: ${d.message}` : `${where}: ${d.message}`;
}

/** Returns diagnostics sorted by file, line, column (a new array); mutates nothing. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './contract.ts';
import { createDiagnostic } from './diagnostics.ts';
import { readStructureKeys } from './front-matter.ts';
import type { StructureOverride } from './structure/types.ts';

/** The file that sets `talks:` / `days:` for every notes file of its folder. */
export const DEFAULTS_FILE = 'conference-notes.yml';

export interface FolderDefaults {
  defaults: StructureOverride | undefined;
  diagnostics: Diagnostic[];
}

const memo = new Map<string, { mtimeMs: number; result: FolderDefaults }>();

/**
 * Returns the folder-wide `talks:` / `days:` of a notes folder from its `conference-notes.yml`
 * (none when there is no such file), with warnings at `conference-notes.yml:line:col` for
 * values it cannot use. Reads the file system; remembers each folder's file until it changes.
 */
export async function readFolderDefaults(dir: string, shownDir: string): Promise<FolderDefaults> {
  const file = path.join(dir, DEFAULTS_FILE);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return { defaults: undefined, diagnostics: [] };
  const known = memo.get(file);
  if (known?.mtimeMs === info.mtimeMs) return known.result;
  const shown = path.posix.join(shownDir, DEFAULTS_FILE);
  const result = parseDefaults(shown, await readFile(file, 'utf8'));
  memo.set(file, { mtimeMs: info.mtimeMs, result });
  return result;
}

/** Returns the defaults a `conference-notes.yml` text sets. Pure. */
export function parseDefaults(shown: string, text: string): FolderDefaults {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const diagnostics: Diagnostic[] = [];
  const at = (node: YamlNode | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const pos = doc.errors[0]?.linePos?.[0] ?? { line: 1, col: 1 };
    diagnostics.push(
      createDiagnostic(
        'warning',
        shown,
        pos.line,
        pos.col,
        'Unexpected folder defaults that are not `key: value` YAML, expected `talks:` and `days:` lines; they are ignored',
      ),
    );
    return { defaults: undefined, diagnostics };
  }
  const map = doc.contents;
  const defaults = readStructureKeys(
    (key) => {
      const value = map.get(key, true) as YamlNode | undefined;
      return value === undefined ? undefined : (value.toJSON() as unknown);
    },
    (key, message) => {
      const pos = at(map.get(key, true) as YamlNode | undefined);
      diagnostics.push(createDiagnostic('warning', shown, pos.line, pos.col, message));
    },
  );
  return { defaults, diagnostics };
}

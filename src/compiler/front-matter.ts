import type { Yaml } from 'mdast';
import { parse as parseToml, TomlError } from 'smol-toml';
import { slug as githubSlug } from 'github-slugger';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './contract.ts';
import { parseDayLabel } from './dates.ts';
import { createDiagnostic } from './diagnostics.ts';
import { capSlug } from './slugs.ts';
import type { LevelKey, StructureOverride } from './structure/types.ts';

/** Heading depths that make structure. `day: null` means the file has no day level. */
export interface Levels {
  day: number | null;
  talk: number;
}

/** What the front matter says; every key optional. */
export interface FrontMatter {
  title?: string;
  year?: number;
  slug?: string;
  levels?: Levels;
  /** ISO date (`yyyy-MM-dd`) from `date:` (any date with a year); gives the year when `year:` is missing. */
  date?: string;
  /** `talks:` / `days:` (or `levels:`): where the talks and days are, overriding the inference. */
  structure?: StructureOverride;
}

export interface FrontMatterResult {
  data: FrontMatter;
  diagnostics: Diagnostic[];
  /** True when the YAML itself is broken: the file must not be published as if it were fine. */
  broken: boolean;
}

/**
 * Returns the front matter of a file read from its `yaml` node (positions mapped to source
 * lines), with an error diagnostic for broken YAML and warnings for unusable values.
 * Mutates nothing.
 */
export function readFrontMatter(file: string, node: Yaml | undefined): FrontMatterResult {
  const data: FrontMatter = {};
  const diagnostics: Diagnostic[] = [];
  if (!node?.position || node.value.trim() === '') return { data, diagnostics, broken: false };
  // The YAML text starts on the line after the opening `---`.
  const firstLine = node.position.start.line + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const sourceLines = node.value.split('\n');
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };

  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    const text = (sourceLines[pos.line - 1] ?? '').trim();
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(
      createDiagnostic(
        'error',
        file,
        firstLine + pos.line - 1,
        pos.col,
        `Unexpected \`${text}\` in front matter, expected valid YAML (${reason})`,
      ),
    );
    return { data, diagnostics, broken: true };
  }

  const contents = doc.contents;
  if (!isMap(contents)) {
    const where = at(contents?.range?.[0]);
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        where.line,
        where.column,
        'Unexpected front matter that is not a mapping, expected `key: value` lines (title, year, slug, levels); it is ignored',
      ),
    );
    return { data, diagnostics, broken: false };
  }

  const warn = (yamlNode: YamlNode | null | undefined, message: string) => {
    const where = at(yamlNode?.range?.[0]);
    diagnostics.push(createDiagnostic('warning', file, where.line, where.column, message));
  };
  const valueNode = (key: string) => contents.get(key, true) as YamlNode | undefined;
  const plain = (key: string): unknown => {
    const n = valueNode(key);
    return n === undefined ? undefined : isScalar(n) ? n.value : n.toJSON();
  };

  const title = plain('title');
  if (title !== undefined && title !== null) {
    if (typeof title === 'string' || typeof title === 'number') data.title = String(title).trim();
    else warn(valueNode('title'), 'Unexpected `title` value, expected text; it is ignored');
  }

  const date = plain('date');
  if (date !== undefined && date !== null) {
    // As written, time and zone aside: blogs write `2019-10-21 19:59:50` or `2008-11-10T09:58-08:00`.
    const text = date instanceof Date ? date.toISOString().slice(0, 10) : String(date);
    const iso = parseDayLabel(text, null);
    if (iso) data.date = iso;
    else
      warn(
        valueNode('date'),
        `Unexpected \`date: ${text}\`, expected a date with its year (yyyy-MM-dd); it is ignored`,
      );
  }

  const year = plain('year');
  if (year !== undefined && year !== null) {
    const n = typeof year === 'number' ? year : Number(String(year).trim());
    if (Number.isInteger(n) && n >= 1000 && n <= 9999) data.year = n;
    else
      warn(
        valueNode('year'),
        `Unexpected \`year: ${String(year)}\`, expected a four-digit year; it is ignored`,
      );
  } else if (data.date) {
    data.year = Number(data.date.slice(0, 4));
  }

  const slugValue = plain('slug');
  if (slugValue !== undefined && slugValue !== null) {
    const raw = String(slugValue).trim();
    const clean = capSlug(githubSlug(raw));
    if (clean === '') {
      warn(
        valueNode('slug'),
        `Unexpected \`slug: ${raw}\`, expected letters, digits or \`-\`; the file name is used`,
      );
    } else {
      if (clean !== raw) {
        warn(
          valueNode('slug'),
          `Unexpected \`slug: ${raw}\`, expected a slug (lowercase, \`-\` for spaces); using \`${clean}\``,
        );
      }
      data.slug = clean;
    }
  }

  const levelsNode = valueNode('levels');
  if (levelsNode !== undefined) {
    const levels = readLevels(levelsNode);
    if (typeof levels === 'string') warn(levelsNode, levels);
    else {
      data.levels = levels;
      data.structure = levelsOverride(levels);
    }
  }
  const structure = readStructureKeys(plain, (key, message) => warn(valueNode(key), message));
  if (structure) data.structure = { ...data.structure, ...structure };

  return { data, diagnostics, broken: false };
}

/** Returns the levels from a `levels:` node, or a warning message when they are unusable. */
function readLevels(node: YamlNode): Levels | string {
  const expected =
    'expected `levels: { day: 2, talk: 3 }` (heading depths 1-6, day above talk, or `day: null`); the defaults are used';
  if (!isMap(node)) return `Unexpected \`levels\` value, ${expected}`;
  const value = node.toJSON() as Record<string, unknown>;
  const depth = (v: unknown) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 6 ? v : undefined;
  const hasDay = Object.hasOwn(value, 'day');
  const noDay = hasDay && (value.day === null || value.day === false || value.day === 0);
  const day = hasDay && !noDay ? depth(value.day) : undefined;
  const talkGiven = Object.hasOwn(value, 'talk') ? depth(value.talk) : undefined;
  if (
    (hasDay && !noDay && day === undefined) ||
    (Object.hasOwn(value, 'talk') && talkGiven === undefined)
  ) {
    return `Unexpected \`levels\` value, ${expected}`;
  }
  const talk = talkGiven ?? (day !== undefined ? day + 1 : 3);
  const resolvedDay = noDay ? null : (day ?? (talk >= 3 ? talk - 1 : null));
  if (talk > 6 || (resolvedDay !== null && resolvedDay >= talk))
    return `Unexpected \`levels\` value, ${expected}`;
  return { day: resolvedDay, talk };
}

/** Returns the override that `levels:` says. Pure. */
export function levelsOverride(levels: Levels): StructureOverride {
  return {
    day: levels.day === null ? null : (`h${levels.day}` as LevelKey),
    talk: `h${levels.talk}` as LevelKey,
  };
}

const TALK_VALUES =
  '`"##"` (any depth of `#`), `setext`, `bold`, `links`, `bullets` or `file` (the whole file is one talk)';

/**
 * Returns the `talks:` and `days:` overrides of a front matter (or folder defaults), warning
 * through `warn` about values it cannot use; undefined when neither key is set. Pure.
 */
export function readStructureKeys(
  plain: (key: string) => unknown,
  warn: (key: string, message: string) => void,
): StructureOverride | undefined {
  const out: StructureOverride = {};
  const talks = plain('talks');
  if (talks !== undefined && talks !== null) {
    const key = String(talks).trim().toLowerCase();
    const value = key === 'file' || key === 'one' ? 'file' : keyOf(key, true);
    if (value === null)
      warn(
        'talks',
        `Unexpected \`talks: ${String(talks)}\`, expected ${TALK_VALUES}; talks are found as usual`,
      );
    else out.talk = value;
  }
  const days = plain('days');
  if (days !== undefined) {
    const key = String(days).trim().toLowerCase();
    const value =
      days === null || days === false || key === 'none' || key === 'no' ? null : keyOf(key, false);
    if (value === null && days !== null && days !== false && key !== 'none' && key !== 'no')
      warn(
        'days',
        `Unexpected \`days: ${String(days)}\`, expected \`"##"\` (any depth of \`#\`) or \`none\`; days are found as usual`,
      );
    else out.day = value;
  }
  return out.talk === undefined && out.day === undefined ? undefined : out;
}

/** `"##"`, `h2`, `2`, `setext`, `bold`, `links` → a key; null when it is none of them. */
function keyOf(value: string, talks: boolean): LevelKey | null {
  const hashes = /^#{1,6}$/.exec(value)?.[0].length;
  const depth = hashes ?? (/^h?([1-6])$/.exec(value) ? Number(value.replace('h', '')) : null);
  if (depth !== null) return `h${depth}` as LevelKey;
  if (value === 'setext') return 'setext2';
  if (!talks) return null;
  if (value === 'bold') return 'bold';
  if (value === 'links' || value === 'link' || value === 'link bullets') return 'link';
  if (value === 'bullets' || value === 'bullet') return 'bullet';
  return null;
}

/** Pelican-style metadata keys (`Title: …` lines at the very top of a file). */
const META_LINE = /^([A-Z][A-Za-z -]{0,30})\s*:\s*(.*)$/;

/**
 * Returns the front matter read from Pelican-style metadata lines (`Title: …`, `Date: …`) that
 * open a file, and the last line they take; null when the file does not open with them (a
 * `Title:` line is required). Pure.
 */
export function readMetadataLines(
  lines: readonly string[],
): { data: FrontMatter; end: number } | null {
  const data: FrontMatter = {};
  let end = 0;
  let titled = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    const match = META_LINE.exec(line);
    if (!match) return null;
    const key = match[1]!.trim().toLowerCase();
    const value = match[2]!.trim();
    if (key === 'title' && value !== '') {
      data.title = value;
      titled = true;
    } else if (key === 'date' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
      data.date = value.slice(0, 10);
      data.year ??= Number(value.slice(0, 4));
    } else if (key === 'slug') {
      const clean = capSlug(githubSlug(value));
      if (clean !== '') data.slug = clean;
    }
    end = i + 1;
  }
  return titled ? { data, end } : null;
}

/** A TOML front matter node (`+++` fences), as remark-frontmatter makes it. */
export interface TomlNode {
  type: 'toml';
  value: string;
  position?: { start: { line: number }; end: { line: number } };
}

/**
 * Returns the front matter of a file read from its TOML (`+++`) node with smol-toml: `title`,
 * `date`, `year`, `slug`, `talks`, `days`; an error diagnostic for broken TOML. Mutates nothing.
 */
export function readTomlFrontMatter(file: string, node: TomlNode): FrontMatterResult {
  const data: FrontMatter = {};
  const diagnostics: Diagnostic[] = [];
  const firstLine = (node.position?.start.line ?? 1) + 1;
  let table: Record<string, unknown>;
  try {
    table = parseToml(node.value);
  } catch (error) {
    const at = error instanceof TomlError ? error : null;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    const line = firstLine + (at ? at.line - 1 : 0);
    const text = (node.value.split('\n')[at ? at.line - 1 : 0] ?? '').trim();
    diagnostics.push(
      createDiagnostic(
        'error',
        file,
        line,
        at?.column ?? 1,
        `Unexpected \`${text}\` in front matter, expected valid TOML (${reason})`,
      ),
    );
    return { data, diagnostics, broken: true };
  }
  const warn = (_key: string, message: string) =>
    diagnostics.push(createDiagnostic('warning', file, firstLine, 1, message));
  if (typeof table.title === 'string') data.title = table.title.trim();
  const date = table.date instanceof Date ? table.date.toISOString() : table.date;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) data.date = date.slice(0, 10);
  if (typeof table.year === 'number' && table.year >= 1000 && table.year <= 9999)
    data.year = table.year;
  else if (data.date) data.year = Number(data.date.slice(0, 4));
  if (typeof table.slug === 'string') {
    const clean = capSlug(githubSlug(table.slug.trim()));
    if (clean !== '') data.slug = clean;
  }
  const structure = readStructureKeys((key) => table[key], warn);
  if (structure) data.structure = structure;
  return { data, diagnostics, broken: false };
}

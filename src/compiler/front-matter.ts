import type { Yaml } from 'mdast';
import { slug as githubSlug } from 'github-slugger';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './contract.ts';
import { createDiagnostic } from './diagnostics.ts';
import { capSlug } from './slugs.ts';

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
  /** ISO date (`yyyy-MM-dd`) from `date:`; gives the year when `year:` is missing. */
  date?: string;
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
    const iso = date instanceof Date ? date.toISOString().slice(0, 10) : String(date);
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) data.date = iso;
    else warn(valueNode('date'), `Unexpected \`date: ${iso}\`, expected yyyy-MM-dd; it is ignored`);
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
    else data.levels = levels;
  }

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

import type {
  Code,
  Definition,
  Heading,
  Html,
  Image,
  Link,
  Nodes,
  Root,
  RootContent,
  Text,
} from 'mdast';
import { sanitizeUri } from 'micromark-util-sanitize-uri';
import { toString } from 'mdast-util-to-string';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Aside, Diagnostic } from './contract.ts';
import { parseDayLabel, yearInText } from './dates.ts';
import { createDiagnostic, sortDiagnostics } from './diagnostics.ts';
import {
  levelsOverride,
  readFrontMatter,
  readMetadataLines,
  readTomlFrontMatter,
  type FrontMatter,
  type TomlNode,
  type Levels,
} from './front-matter.ts';
import { analyzeTalk } from './gaps.ts';
import type { CompiledDay, CompiledFile, CompiledTalk } from './model.ts';
import { buildOutline, plainOutline, type OutlineEntry } from './outline.ts';
import { parseMarkdown, type ParseOptions } from './parse.ts';
import { renderTree } from './render-tree.ts';
import { sectionTexts } from '../lib/search-text.ts';
import { decodeNotes, nulInText } from './read-notes.ts';
import { assignSlugs, isSafeId, safeId, slugOf, splitPinnedId } from './slugs.ts';
import type { AsidePart, LineSpan, TalkPart } from './structure/build.ts';
import { isAtxHeading } from './structure/candidates.ts';
import { inferStructure } from './structure/infer-structure.ts';
import type { StructureOverride } from './structure/types.ts';

export interface CompileOptions {
  /** Heading levels for files whose front matter sets none (default: detected per file). */
  defaultLevels?: Levels;
  /** Folder-wide `talks:` / `days:` for files whose front matter sets none. */
  defaults?: StructureOverride;
  /**
   * Also return each talk's search text (`CompiledTalk.searchSections`) from the nodes at hand,
   * which saves the search index a second parse of every talk.
   */
  searchSections?: boolean;
  /** How to parse (pieces, a cache of them: see `ParseOptions`); default: `parseMarkdown`'s. */
  parse?: ParseOptions;
}

/**
 * Returns the compiled model of one notes file from its bytes (or already decoded text).
 * Pure: no file system, no clock; safe to run in a worker. Never throws on bad input: problems
 * become diagnostics, and a file that cannot be understood comes back with `ok: false`.
 */
export function compileSource(
  file: string,
  input: Uint8Array | string,
  options: CompileOptions = {},
): CompiledFile {
  try {
    return compileChecked(file, input, options);
  } catch (error) {
    // A compiler bug must not take the other files down: report it like any bad input.
    const reason = error instanceof Error ? error.message : String(error);
    return failedFile(file, [
      createDiagnostic(
        'error',
        file,
        1,
        1,
        `Unexpected compiler failure (${reason}), expected this file to compile; please report it`,
      ),
    ]);
  }
}

/** Returns the result of a file that could not be compiled: no conference, only its diagnostics. */
export function failedFile(file: string, diagnostics: Diagnostic[]): CompiledFile {
  const baseName = baseNameOf(file);
  return {
    file,
    ok: false,
    sourceHash: '',
    title: baseName,
    slug: slugOf(baseName),
    year: null,
    line: null,
    heading: null,
    intro: '',
    introLine: null,
    introTree: null,
    days: [],
    asides: [],
    hint: null,
    explain: { decisions: [], alternatives: [] },
    regions: [],
    lineCount: 0,
    diagnostics,
  };
}

function baseNameOf(file: string): string {
  return path.posix.basename(file.replaceAll('\\', '/')).replace(/\.(md|markdown)$/i, '');
}

/** `compileSource` without the safety net; may throw only on a compiler bug. */
function compileChecked(
  file: string,
  input: Uint8Array | string,
  options: CompileOptions,
): CompiledFile {
  const baseName = baseNameOf(file);
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const nul = nulInText(file, text);
    if (nul) return failedFile(file, [nul]);
  } else {
    const decoded = decodeNotes(file, input);
    if (!decoded.ok) return failedFile(file, [decoded.diagnostic]);
    text = decoded.source.text;
  }

  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  const sourceHash = createHash('sha256')
    .update(typeof input === 'string' ? Buffer.from(input, 'utf8') : input)
    .digest('hex');
  if (text.trim() === '') {
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        1,
        1,
        'Unexpected empty file, expected notes with a `# Conference` heading, `## day` and `### talk` headings',
      ),
    );
  }

  const root = parseMarkdown(text, options.parse);
  const firstNode = root.children[0] as RootContent | TomlNode | undefined;
  const yaml = firstNode?.type === 'yaml' ? firstNode : undefined;
  const toml = firstNode?.type === 'toml' ? firstNode : undefined;
  const frontMatter = toml ? readTomlFrontMatter(file, toml) : readFrontMatter(file, yaml);
  // Broken YAML is an error (`data` and `gaps` exit 1), but the notes under it still compile.
  diagnostics.push(...frontMatter.diagnostics);
  let fm: FrontMatter = frontMatter.data;
  let skipUntil = (yaml ?? toml)?.position?.end.line ?? 0;
  const metadata = yaml || toml ? null : readMetadataLines(lines);
  if (metadata) {
    fm = metadata.data;
    skipUntil = metadata.end;
  }

  const levels = fm.levels ?? options.defaultLevels;
  // The file's own front matter wins, key by key, over the folder's defaults.
  const override = {
    ...(options.defaults ?? (levels ? levelsOverride(levels) : {})),
    ...fm.structure,
  };
  const structure = inferStructure(root, {
    file,
    lines,
    override,
    titled: Boolean(fm.title),
    skipUntil,
  });
  diagnostics.push(...structure.diagnostics);
  if (structure.hint) diagnostics.push(noTalks(file, structure.hint, lines));

  // One walk over the whole tree: link definitions (for references), the setext trap, and
  // what the reader shows otherwise than written: HTML blocks, references left as text, URLs it
  // drops, fences never closed.
  const definitions = new Map<string, string>();
  const definitionNodes = new Map<string, Definition>();
  let footnotes = false;
  const walk = (node: Nodes, parent: Nodes | null) => {
    if (node.type === 'html' && parent?.type !== 'paragraph' && parent?.type !== 'heading') {
      const hidden = htmlBlock(file, node);
      if (hidden) diagnostics.push(hidden);
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const unsafe = unsafeUrl(file, node);
      if (unsafe) diagnostics.push(unsafe);
    } else if (node.type === 'code') {
      const open = unclosedFence(file, node, lines);
      if (open) diagnostics.push(open);
    }
    if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) {
        definitions.set(node.identifier, node.url);
        definitionNodes.set(node.identifier, node);
      }
    } else if (node.type === 'footnoteDefinition') {
      footnotes = true;
    } else if (node.type === 'heading' && node.depth === 2 && !isAtxHeading(node)) {
      const trap = setextTrap(file, node, lines);
      if (trap) diagnostics.push(trap);
    } else if (node.type === 'text') {
      diagnostics.push(...unresolvedReferences(file, node, lines));
    }
    if ('children' in node) for (const child of node.children) walk(child, node);
  };
  walk(root, null);
  const unspaced = unspacedHeadings(file, root, lines);
  if (unspaced) diagnostics.push(unspaced);
  for (const node of root.children) {
    if (node.type !== 'heading') continue;
    const unsafe = unsafePinnedId(file, node, lines);
    if (unsafe) diagnostics.push(unsafe);
  }

  const conferenceHeadingTitle =
    structure.conference?.title ??
    (structure.oneTalk ? structure.days[0]!.talks[0]!.heading.title : '');
  const title = fm.title || conferenceHeadingTitle || baseName;
  const year = fm.year ?? yearInText(title) ?? yearInText(conferenceHeadingTitle);
  const slug =
    fm.slug ??
    (structure.conference?.pinnedId ? slugOf(structure.conference.pinnedId) : slugOf(baseName));

  // Day slugs: the ISO date when known, `MM-dd` for a date without a year (2000 is a leap
  // year, so 2/29 passes), else the label; unique within the file.
  const dayDates = structure.days.map((d) =>
    d.heading ? parseDayLabel(d.heading.title, year) : null,
  );
  const monthDay = (label: string) => parseDayLabel(label, 2000)?.slice(5) ?? label;
  const dayResult = assignSlugs(
    structure.days.map((d, i) => ({
      title: dayDates[i] ?? (d.heading ? monthDay(d.heading.title) : 'talks'),
      pinnedId: d.heading?.pinnedId ?? null,
      line: d.heading?.line ?? 0,
    })),
  );
  const daySlugs = dayResult.slugs;
  for (const c of dayResult.conflicts) {
    const moved = structure.days[c.index]!.heading;
    const kept = structure.days[c.keptBy]!.heading;
    if (!moved) continue;
    const why =
      c.cause === 'duplicate'
        ? `same as day \`${kept?.title ?? ''}\` on line ${kept?.line ?? 1}`
        : `\`{#${c.wanted}}\` is already pinned on line ${kept?.line ?? 1}`;
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        moved.line,
        moved.column,
        `Unexpected duplicate day slug \`${c.wanted}\` (${why}), expected unique days; this day gets \`${c.given}\``,
      ),
    );
  }

  // Talk slugs: unique within the conference, stable under unrelated edits.
  const allTalks: TalkPart[] = structure.days.flatMap((d) => d.talks);
  const talkSlugs = assignSlugs(
    allTalks.map((t) => ({
      title: t.heading.title,
      pinnedId: t.heading.pinnedId,
      line: t.heading.line,
    })),
  );
  for (const c of talkSlugs.conflicts) {
    const moved = allTalks[c.index]!.heading;
    const kept = allTalks[c.keptBy]!.heading;
    const why =
      c.cause === 'duplicate'
        ? `same slug as talk \`${kept.title}\` on line ${kept.line}`
        : `\`{#${c.wanted}}\` is already pinned on line ${kept.line}`;
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        moved.line,
        moved.column,
        `Unexpected duplicate talk slug \`${c.wanted}\` (${why}), expected unique slugs; this talk gets \`${c.given}\` (pin one with \`{#id}\`)`,
      ),
    );
  }

  // A talk's nodes give the same text as a parse of its own Markdown unless a reference may
  // resolve differently (definitions are file-wide) or `{#id}` stripping changed its lines.
  const searchable = options.searchSections === true && definitions.size === 0 && !footnotes;
  let talkNumber = 0;
  const days: CompiledDay[] = structure.days.map((d, dayIndex) => {
    const talks = d.talks.map((t): CompiledTalk => {
      const talkSlug = talkSlugs.slugs[talkNumber++]!;
      return compileTalk(
        t,
        talkSlug,
        lines,
        { definitions, definitionNodes },
        file,
        diagnostics,
        searchable,
      );
    });
    const intro = spanText(d.intro, lines);
    const introTree =
      intro === ''
        ? null
        : renderTree(spanNodes(structure.root, d.intro!), { definitions: definitionNodes });
    return {
      label: d.heading?.title ?? '',
      date: dayDates[dayIndex] ?? null,
      slug: daySlugs[dayIndex]!,
      line: d.heading?.line ?? null,
      intro,
      introLine: intro === '' ? null : d.intro!.start,
      introTree,
      talks,
    };
  });

  const intro = spanText(structure.intro, lines);
  return {
    file,
    ok: true,
    sourceHash,
    title,
    slug,
    year,
    line: structure.conference ? structure.conference.line : null,
    heading: structure.conference ? structure.conference.title : null,
    intro,
    introLine: intro === '' ? null : structure.intro!.start,
    introTree:
      intro === ''
        ? null
        : renderTree(spanNodes(structure.root, structure.intro!), { definitions: definitionNodes }),
    days,
    asides: compileAsides(structure.asides, daySlugs, lines, definitionNodes),
    hint: structure.hint,
    explain: {
      decisions: structure.decisions.map(explainLine),
      alternatives: structure.alternatives,
    },
    regions: structure.regions,
    lineCount: lines.length,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

function compileTalk(
  talk: TalkPart,
  slug: string,
  lines: readonly string[],
  { definitions, definitionNodes }: FileDefinitions,
  file: string,
  diagnostics: Diagnostic[],
  searchable: boolean,
): CompiledTalk {
  const heading = talk.heading;
  const column = heading.column;
  if (heading.title === '') {
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        heading.line,
        column,
        'Unexpected empty talk heading, expected a talk title',
      ),
    );
  }
  const outline = buildOutline(talk.nodes);
  for (const entry of outline) {
    if (entry.pinnedId === null || entry.id === safeId(entry.pinnedId)) continue;
    const kept = outline.find((other) => other.id === safeId(entry.pinnedId!));
    diagnostics.push(
      createDiagnostic(
        'warning',
        file,
        entry.line,
        entry.node.position!.start.column,
        `Unexpected duplicate \`{#${entry.pinnedId}}\`${kept ? ` (already pinned on line ${kept.line})` : ''}, expected ids unique within the talk; this heading gets \`${entry.id}\``,
      ),
    );
  }
  const analysis = analyzeTalk({
    line: heading.line,
    end: talk.end,
    column,
    untitled: heading.title === '',
    nodes: talk.nodes,
    outline,
    definitions,
  });
  const plain = plainOutline(outline);
  const compiled: CompiledTalk = {
    title: heading.title,
    slug,
    line: heading.line,
    lines: [talk.start, talk.end],
    status: analysis.status,
    markdown: talkMarkdown(talk, outline, lines),
    tree: renderTree(talk.nodes, {
      lines: true,
      pins: new Map(outline.flatMap((e) => (e.pinnedId === null ? [] : [[e.node, e.pinnedId]]))),
      definitions: definitionNodes,
    }),
    outline: plain,
    gaps: analysis.gaps,
    // A link bullet's link is the talk's first reference (its page, its video).
    references: heading.url
      ? [{ text: heading.title, url: heading.url, line: heading.line }, ...analysis.references]
      : analysis.references,
  };
  if (searchable && outline.every((entry) => entry.pinnedId === null))
    compiled.searchSections = sectionTexts(talk.nodes, plain);
  return compiled;
}

/** Returns the asides of a file as emitted: anchor ids unique in the file, day slugs. Pure. */
function compileAsides(
  asides: readonly AsidePart[],
  daySlugs: readonly string[],
  lines: readonly string[],
  definitions: ReadonlyMap<string, Definition>,
): Aside[] {
  const ids = assignSlugs(
    asides.map((a) => ({
      title: a.heading.title || 'part',
      pinnedId: a.heading.pinnedId,
      line: a.heading.line,
    })),
  ).slugs;
  return asides.map((a, i) => {
    const markdown = a.end > a.start ? lines.slice(a.start, a.end).join('\n') : '';
    return {
      title: a.heading.title,
      id: `aside-${ids[i]!}`,
      kind: a.kind,
      line: a.start,
      lines: [a.start, a.end],
      day: a.day === null ? null : (daySlugs[a.day] ?? null),
      markdown,
      markdownLine: a.start + 1,
      tree: a.nodes.length === 0 ? null : renderTree(a.nodes, { definitions }),
    };
  });
}

/** A decision as printed by `gaps --explain`: `line 12: …` when it is about one line. */
function explainLine(decision: { line: number | null; text: string }): string {
  return decision.line === null ? decision.text : `line ${decision.line}: ${decision.text}`;
}

/** The warning for a file in which no talk was found: the hint, at its first non-blank line. */
function noTalks(file: string, hint: string, lines: readonly string[]): Diagnostic {
  const first = lines.findIndex((l) => l.trim() !== '');
  return createDiagnostic(
    'warning',
    file,
    first < 0 ? 1 : first + 1,
    1,
    `Unexpected notes without talks, expected talk headings (the text is kept as the conference intro); ${hint.replace(/^No talks found: /, '')}`,
  );
}

/** The talk's lines after its heading, with `{#id}` suffixes of its headings removed (same line count). */
function talkMarkdown(
  talk: TalkPart,
  outline: readonly OutlineEntry[],
  lines: readonly string[],
): string {
  if (talk.end <= talk.start) return '';
  const body = lines.slice(talk.start, talk.end);
  for (const entry of outline) {
    if (entry.pinnedId === null) continue;
    const pos = entry.node.position!;
    // ATX: the heading line; setext: the last text line, above the underline.
    const line = isAtxHeading(entry.node) ? pos.start.line : pos.end.line - 1;
    const index = line - talk.start - 1;
    const text = body[index];
    if (text === undefined) continue;
    const marker = `{#${entry.pinnedId}}`;
    const at = text.lastIndexOf(marker);
    if (at < 0) continue;
    body[index] = text.slice(0, at).replace(/[ \t]+$/, '') + text.slice(at + marker.length);
  }
  return body.join('\n');
}

/** A file's link definitions: URL (for references) and node (for render trees) by identifier. */
interface FileDefinitions {
  definitions: ReadonlyMap<string, string>;
  definitionNodes: ReadonlyMap<string, Definition>;
}

/** The top-level nodes that start inside a line span, minus those on its `skip` lines. Does not mutate. */
function spanNodes(root: Root, span: LineSpan): RootContent[] {
  return root.children.filter((node) => {
    const line = node.position?.start.line;
    return (
      line !== undefined && line >= span.start && line <= span.end && !span.skip.includes(line)
    );
  });
}

/** The text of a line span, lines in `skip` blanked (they belong elsewhere); '' for none. */
function spanText(span: LineSpan | null, lines: readonly string[]): string {
  if (!span) return '';
  const out = lines.slice(span.start - 1, span.end);
  for (const line of span.skip) out[line - span.start] = '';
  return out.join('\n');
}

/** Full `[text][label]` and collapsed `[label][]` references, and `[^note]` calls, left as text. */
const UNRESOLVED_REFERENCE = /\[([^[\]]*)\]\[([^[\]]*)\]|\[\^([^[\]\s]+)\]/g;

/**
 * Returns a warning for each reference in a text node that stayed text because its definition
 * is missing. Escaped brackets (`\[x\]\[y\]`, not in the source as written) are meant as text
 * and not reported. Mutates nothing.
 */
function unresolvedReferences(file: string, node: Text, lines: readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (!node.position || !node.value.includes('[')) return found;
  const { start, end } = node.position;
  for (const match of node.value.matchAll(UNRESOLVED_REFERENCE)) {
    const [written, text, label, note] = match;
    const name = note ?? (label || text);
    if (!name?.trim()) continue;
    let line = start.line;
    let at = -1;
    for (; line <= end.line && at < 0; line++) {
      at = (lines[line - 1] ?? '').indexOf(written, line === start.line ? start.column - 1 : 0);
    }
    if (at < 0) continue;
    found.push(
      createDiagnostic(
        'warning',
        file,
        line - 1,
        at + 1,
        note === undefined
          ? `Unexpected reference \`${written}\` without a definition, expected a \`[${name}]: <url>\` line; it shows as plain text`
          : `Unexpected footnote \`${written}\` without a definition, expected a \`[^${name}]: …\` line; it shows as plain text`,
      ),
    );
  }
  return found;
}

/** Link protocols the reader keeps: react-markdown's default `urlTransform` allows the same. */
const SAFE_PROTOCOL = /^(https?|ircs?|mailto|xmpp)$/i;

/** A warning for a link, image or definition URL the reader drops (`javascript:`, `data:`…). */
function unsafeUrl(file: string, node: Link | Image | Definition): Diagnostic | null {
  if (node.url === '' || sanitizeUri(node.url, SAFE_PROTOCOL) !== '' || !node.position) return null;
  const scheme = node.url.slice(0, node.url.indexOf(':') + 1);
  const shown = node.type === 'image' ? 'shows no image' : 'shows the text without a link';
  return createDiagnostic(
    'warning',
    file,
    node.position.start.line,
    node.position.start.column,
    `Unexpected \`${scheme}\` URL, expected an http(s), mailto or relative URL; the reader ${shown}`,
  );
}

/** A warning for an HTML block (not a comment): the reader never renders raw HTML, so it is hidden. */
function htmlBlock(file: string, node: Html): Diagnostic | null {
  const value = node.value.trim();
  if (value === '' || /^<!--[\s\S]*-->$/.test(value) || !node.position) return null;
  const { start, end } = node.position;
  const tag = /^<[^\s>]*/.exec(value)![0];
  const span = end.line > start.line ? `lines ${start.line}-${end.line} stay` : 'this line stays';
  return createDiagnostic(
    'warning',
    file,
    start.line,
    start.column,
    `Unexpected HTML block \`${tag}…\`, expected Markdown; the reader does not show raw HTML, so ${span} hidden`,
  );
}

/** `#Title`: what a heading would be, but for the space after its `#`s. */
const UNSPACED_HEADING = /^ {0,3}(#{1,6})([^\s#].*)$/;

/**
 * One warning for lines written as headings without the space after `#` (`##10th Feb`), which
 * Markdown reads as text: the first such line, and how many there are. Only for two or more,
 * as a single `#hashtag` line may be text as meant.
 */
function unspacedHeadings(file: string, root: Root, lines: readonly string[]): Diagnostic | null {
  let first: { line: number; hashes: string; rest: string } | null = null;
  let count = 0;
  for (const node of root.children) {
    if (node.type !== 'paragraph') continue;
    for (let line = node.position!.start.line; line <= node.position!.end.line; line++) {
      const match = UNSPACED_HEADING.exec(lines[line - 1] ?? '');
      if (!match) continue;
      count++;
      first ??= { line, hashes: match[1]!, rest: match[2]! };
    }
  }
  if (!first || count < 2) return null;
  const { hashes, rest } = first;
  const shown = rest.length > 30 ? `${rest.slice(0, 30)}…` : rest;
  return createDiagnostic(
    'warning',
    file,
    first.line,
    1,
    `Unexpected \`${hashes}${shown}\`, expected \`${hashes} ${shown}\`: without a space after \`${hashes}\` Markdown reads it as text, not a heading (${count} lines are written so)`,
  );
}

/** A warning for a fenced code block that no closing fence ends: it swallows what follows. */
function unclosedFence(file: string, node: Code, lines: readonly string[]): Diagnostic | null {
  const { start, end } = node.position!;
  const fence = /^(`{3,}|~{3,})/.exec((lines[start.line - 1] ?? '').slice(start.column - 1));
  if (!fence) return null;
  const last = end.line > start.line ? (lines[end.line - 1] ?? '').slice(0, end.column - 1) : '';
  const close = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/.exec(last);
  if (close && close[1]![0] === fence[1]![0] && close[1]!.length >= fence[1]!.length) return null;
  let through = end.line;
  while (through > start.line && (lines[through - 1] ?? '').trim() === '') through--;
  return createDiagnostic(
    'warning',
    file,
    start.line,
    start.column,
    `Unexpected code block with no closing fence, expected a ${fence[1]} line to end it; everything up to line ${through} shows as code`,
  );
}

/** A warning when a structural or section heading pins an id that is not safe as written. */
function unsafePinnedId(file: string, node: Heading, lines: readonly string[]): Diagnostic | null {
  const { pinnedId } = splitPinnedId(toString(node));
  if (pinnedId === null || isSafeId(pinnedId)) return null;
  const pos = node.position!;
  const line = isAtxHeading(node) ? pos.start.line : pos.end.line - 1;
  const marker = `{#${pinnedId}}`;
  const column = (lines[line - 1] ?? '').lastIndexOf(marker) + 1 || pos.start.column;
  return createDiagnostic(
    'warning',
    file,
    line,
    column,
    `Unexpected \`${marker}\`, expected an id of letters, digits, \`-\` and \`_\`; it becomes \`{#${safeId(pinnedId)}}\``,
  );
}

/** The setext trap: `text` then a lone `-` is an h2 in CommonMark, not a paragraph and an empty bullet. */
function setextTrap(file: string, node: Heading, lines: readonly string[]): Diagnostic | null {
  const underline = node.position!.end.line;
  const text = lines[underline - 1] ?? '';
  if (!/^[\s>]*-[ \t]*$/.test(text)) return null;
  const column = text.indexOf('-') + 1;
  const above = toString(node).trim();
  return createDiagnostic(
    'warning',
    file,
    underline,
    column,
    `Unexpected \`-\` under \`${above}\`, expected an empty bullet? CommonMark makes \`${above}\` a heading here; put a blank line before the \`-\` to make it a bullet`,
  );
}

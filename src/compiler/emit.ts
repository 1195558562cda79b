import { createHash } from 'node:crypto';
import {
  DATA_VERSION,
  GAP_KINDS,
  type Conference,
  type Day,
  type Diagnostic,
  type GapCounts,
  type NotesIndex,
  type ReaderTalk,
  type StatusSummary,
  type TalkDocument,
  type TalkStatus,
  type TalkSummary,
} from './contract.ts';
import { createDiagnostic, sortDiagnostics } from './diagnostics.ts';
import type { CompiledFile, CompiledTalk } from './model.ts';
import type { SectionText } from '../lib/search-text.ts';
import { assignSlugs } from './slugs.ts';

/** A file to write, relative to the data folder. */
export interface DataFile {
  path: string;
  content: string;
}

/** A talk document with the data file it is written to. */
export interface EmittedTalk {
  path: string;
  document: TalkDocument;
  /** The talk's search text when the compiler had it at hand (else the search index reads its `tree`). */
  sections?: readonly SectionText[];
}

/**
 * An extension of the data (the search index, for one): it sees the index and every talk
 * document, may set fields of the index (e.g. `searchFile`), and returns extra files to write.
 * It must not change the conferences or talks: emit shares them between calls.
 */
export type EmitPlugin = (data: { index: NotesIndex; talks: readonly EmittedTalk[] }) => DataFile[];

export interface EmitOptions {
  plugins?: readonly EmitPlugin[];
}

export interface EmitResult {
  index: NotesIndex;
  talks: EmittedTalk[];
  /** Every file to write: talk files, plugin files, then `index.json` last. */
  files: DataFile[];
}

/**
 * Returns the index, the talk documents and their serialized, content-hashed files for a set
 * of compiled notes files (in the given order). Conference slugs are made unique across files.
 * Deterministic: same input, same bytes. Mutates nothing it is given.
 */
export function emitData(compiled: readonly CompiledFile[], options: EmitOptions = {}): EmitResult {
  const diagnostics: Diagnostic[] = compiled.flatMap((c) => c.diagnostics);
  const ok = compiled.filter((c) => c.ok);
  const slugs = assignSlugs(ok.map((c) => ({ title: c.slug, pinnedId: null, line: 1 })));
  for (const conflict of slugs.conflicts) {
    const moved = ok[conflict.index]!;
    diagnostics.push(
      createDiagnostic(
        'warning',
        moved.file,
        1,
        1,
        `Unexpected duplicate conference slug \`${conflict.wanted}\` (also \`${ok[conflict.keptBy]!.file}\`), expected one slug per file; this file gets \`${conflict.given}\` (set \`slug:\` in its front matter)`,
      ),
    );
  }

  const talks: EmittedTalk[] = [];
  const files: DataFile[] = [];
  const outputs = ok.map((c, i) => conferenceOutput(c, slugs.slugs[i]!));
  for (const output of outputs) {
    for (const t of output.talks) {
      talks.push(t.talk);
      files.push(t.file);
    }
  }
  const conferences = outputs.map((o) => o.conference);

  const index: NotesIndex = {
    version: DATA_VERSION,
    conferences,
    summary: summarize(conferences.flatMap((c) => c.days.flatMap((d) => d.talks))),
    diagnostics: sortDiagnostics(diagnostics),
    searchFile: null,
  };
  for (const plugin of options.plugins ?? []) files.push(...plugin({ index, talks }));
  files.push({ path: 'index.json', content: `${indexJson(index, outputs)}\n` });
  return { index, talks, files };
}

/** What emit makes of one notes file: its conference in the index (and its JSON), its talks. */
interface ConferenceOutput {
  slug: string;
  conference: Conference;
  json: string;
  talks: TalkOutput[];
}

/**
 * The output of compiled files already emitted, by file: after an edit a dev server emits every
 * file again, and all but the edited one come back unchanged (the same objects). Valid while
 * the file keeps its conference slug. Emitted objects are shared between calls: read-only.
 */
const conferencesEmitted = new WeakMap<CompiledFile, ConferenceOutput>();

/** Returns a file's conference, its JSON and its talks' output (memoized per file object). */
function conferenceOutput(c: CompiledFile, confSlug: string): ConferenceOutput {
  const known = conferencesEmitted.get(c);
  if (known?.slug === confSlug) return known;
  const outputs: TalkOutput[] = [];
  const days: Day[] = c.days.map((d) => {
    // What a talk document copies from its conference and day (the memo's validity).
    const key = JSON.stringify([confSlug, c.title, c.file, d.label, d.date, d.slug]);
    const summaries: TalkSummary[] = d.talks.map((t) => {
      const emitted = talkFile(c, confSlug, d, t, key);
      outputs.push(emitted);
      return emitted.summary;
    });
    return {
      label: d.label,
      date: d.date,
      slug: d.slug,
      line: d.line,
      intro: d.intro,
      introLine: d.introLine,
      introTree: d.introTree,
      talks: summaries,
      summary: summarize(summaries),
    };
  });
  const conference: Conference = {
    file: c.file,
    sourceHash: c.sourceHash,
    title: c.title,
    slug: confSlug,
    year: c.year,
    line: c.line,
    heading: c.heading,
    intro: c.intro,
    introLine: c.introLine,
    introTree: c.introTree,
    days,
    asides: c.asides,
    hint: c.hint,
    summary: summarize(days.flatMap((d) => d.talks)),
  };
  const output = { slug: confSlug, conference, json: JSON.stringify(conference), talks: outputs };
  conferencesEmitted.set(c, output);
  return output;
}

/**
 * Returns `JSON.stringify(index)`, made of each conference's JSON as emitted (with thousands of
 * talks, serializing the whole index again after a one-file edit is most of the edit's cost).
 */
function indexJson(index: NotesIndex, outputs: readonly ConferenceOutput[]): string {
  const same =
    index.conferences.length === outputs.length &&
    index.conferences.every((c, i) => c === outputs[i]!.conference);
  if (!same) return JSON.stringify(index); // a plugin replaced them
  // `conferences` keeps its place among the keys when spread over; its array is all that differs.
  const rest = JSON.stringify({ ...index, conferences: [] });
  const marker = '"conferences":[]';
  const at = rest.indexOf(marker);
  if (at < 0) return JSON.stringify(index);
  const head = rest.slice(0, at + marker.length - 1);
  return `${head}${outputs.map((o) => o.json).join(',')}${rest.slice(at + marker.length - 1)}`;
}

/** What emit makes of one talk: its document and data file, and its line in the index. */
interface TalkOutput {
  /** The conference fields the document copies (`talkFile`'s key). */
  key: string;
  talk: EmittedTalk;
  file: DataFile;
  summary: TalkSummary;
}

/**
 * The output of compiled talks already emitted, by talk: a dev server re-emits every file after
 * each edit, and all but the edited one come back unchanged (the same objects). Valid while the
 * conference fields the document copies are the same (`key`). Emitted objects are shared
 * between calls: read-only.
 */
const emitted = new WeakMap<CompiledTalk, TalkOutput>();

/** Returns a talk's document, data file (JSON, content-hashed path) and summary, memoized per talk object. */
function talkFile(
  c: CompiledFile,
  confSlug: string,
  d: CompiledFile['days'][number],
  t: CompiledTalk,
  key: string,
): TalkOutput {
  const known = emitted.get(t);
  if (known?.key === key) return known;
  const reader = readerTalk(c, confSlug, d, t);
  const content = `${JSON.stringify(reader)}\n`;
  // The Markdown stays in memory for the compiler's own steps (search index, nothing-lost check).
  const document: TalkDocument = { ...reader, markdown: t.markdown, markdownLine: t.lines[0] + 1 };
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const path = `talks/${confSlug}/${t.slug}.${hash}.json`;
  const output: TalkOutput = {
    key,
    talk: { path, document, sections: t.searchSections },
    file: { path, content },
    summary: {
      title: t.title,
      slug: t.slug,
      url: document.url,
      status: t.status,
      gaps: gapCounts(t),
      lines: t.lines,
      dataFile: path,
    },
  };
  emitted.set(t, output);
  return output;
}

/** Returns what a talk's file holds: all but its Markdown (the reader renders the tree). */
function readerTalk(
  c: CompiledFile,
  confSlug: string,
  d: CompiledFile['days'][number],
  t: CompiledTalk,
): ReaderTalk {
  return {
    version: DATA_VERSION,
    conference: { slug: confSlug, title: c.title, file: c.file },
    day: { label: d.label, date: d.date, slug: d.slug },
    title: t.title,
    slug: t.slug,
    url: `/${confSlug}/${t.slug}`,
    status: t.status,
    lines: t.lines,
    tree: t.tree,
    outline: t.outline,
    gaps: t.gaps,
    references: t.references,
  };
}

/** Gap counts of a talk, kinds in `GAP_KINDS` order. */
function gapCounts(t: CompiledTalk): GapCounts {
  const byKind: GapCounts['byKind'] = {};
  for (const kind of GAP_KINDS) {
    const n = t.gaps.filter((g) => g.kind === kind).length;
    if (n > 0) byKind[kind] = n;
  }
  return { total: t.gaps.length, byKind };
}

/** Status counts of some talks. */
export function summarize(
  talks: readonly { status: TalkStatus; gaps: GapCounts }[],
): StatusSummary {
  const summary: StatusSummary = {
    talks: talks.length,
    complete: 0,
    partial: 0,
    empty: 0,
    gaps: 0,
  };
  for (const t of talks) {
    summary[t.status]++;
    summary.gaps += t.gaps.total;
  }
  return summary;
}

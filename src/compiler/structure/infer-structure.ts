/**
 * Structure inference: where the talks of a notes file are, the way a careful reader would
 * list them, whatever the shape of the notes.
 *
 * The steps, in order, each in its own file and each keeping a reason for `gaps --explain`:
 *
 * 1. `candidates.ts` — every line that may open something: ATX and setext headings at every
 *    depth, wholly bold lines, top-level bullets that start with a link.
 * 2. `conference.ts` — the conference heading: a first `#`.
 * 3. `days.ts` — the day level: headings that read as dates, day numbers or tracks
 *    (`dates.ts`, chrono-node), else headings that only hold other headings.
 * 4. `talk-level.ts` — the talk level: what most often comes first after a day (or the title);
 *    then whether the whole file is one talk (its parts are the sections of one talk).
 * 5. `roles.ts` — what is not a talk though it stands where talks stand (`vocabulary.ts`:
 *    summaries, references, breaks…; a block pasted twice; a repeated section title; a topic
 *    heading; a heading above the talks that holds none), and deeper headings written like
 *    the talks.
 * 6. `build.ts` — conference, days, talks and asides with their lines, and where every
 *    non-blank line goes.
 *
 * Front matter (`talks:`, `days:`, `levels:`) overrides steps 3 and 4.
 */
import type { Root } from 'mdast';
import { findCandidates } from './candidates.ts';
import { buildStructure, type Structure } from './build.ts';
import { proposeConference } from './conference.ts';
import { chooseDayKey } from './days.ts';
import { startInference, type Inference } from './inference.ts';
import { assignRoles } from './roles.ts';
import { chooseTalkKey, decideOneTalk } from './talk-level.ts';
import {
  KEY_ORDER,
  keyLabel,
  type Decision,
  type LevelKey,
  type StructureOverride,
} from './types.ts';
import { asideKindOf } from './vocabulary.ts';

export interface InferredStructure extends Structure {
  /** The decisions, in the order they were taken, for `gaps --explain`. */
  decisions: Decision[];
  /** Front-matter lines that would list the talks otherwise, with what they would give. */
  alternatives: string[];
  /** One line for a person when no talks were found, else null. */
  hint: string | null;
  /** The whole file is one talk (`days[0].talks[0]`). */
  oneTalk: boolean;
}

export interface InferOptions {
  file: string;
  lines: readonly string[];
  override: StructureOverride;
  /** True when front matter or metadata lines give the conference title. */
  titled: boolean;
  /** Last line of front matter or metadata lines (0 when none). */
  skipUntil: number;
}

/** Returns the inferred structure of a parsed notes file. Pure; mutates nothing it is given. */
export function inferStructure(root: Root, options: InferOptions): InferredStructure {
  const body: Root = {
    ...root,
    children: root.children.filter(
      (n) => n.type !== 'yaml' && (n.position?.start.line ?? 0) > options.skipUntil,
    ),
  };
  const candidates = findCandidates(body, options.lines);
  const inference = startInference(candidates, options.override, options.titled);
  proposeConference(inference);
  chooseDayKey(inference);
  chooseTalkKey(inference);
  decideOneTalk(inference);
  assignRoles(inference, options.lines);
  const structure = buildStructure(options.file, body, options.lines, inference, options.skipUntil);
  const talks = structure.days.reduce((n, d) => n + d.talks.length, 0);
  return {
    ...structure,
    decisions: [...conferenceDecision(inference), ...inference.decisions],
    alternatives: alternatives(inference),
    hint: talks === 0 && options.lines.some((l) => l.trim() !== '') ? hintFor(inference) : null,
    oneTalk: inference.oneTalk && talks === 1,
  };
}

function conferenceDecision(inference: Inference): Decision[] {
  const c = inference.conference;
  if (!c) return [];
  return [{ line: c.line, text: `conference: \`${c.title}\` (the first \`#\` heading)` }];
}

/** Front-matter lines that would give another listing, with their talk counts. */
function alternatives(inference: Inference): string[] {
  const out: string[] = [];
  for (const key of KEY_ORDER) {
    if ((key === inference.talkKey && !inference.oneTalk) || key === inference.dayKey) continue;
    const n = (inference.byKey.get(key) ?? []).filter((c) => asideKindOf(c.title) === null).length;
    if (n >= 2)
      out.push(`\`talks: ${overrideName(key)}\` would list ${n} ${keyLabel(key)} as talks`);
  }
  if (!inference.oneTalk) out.push('`talks: file` would make the whole file one talk');
  if (inference.dayKey) out.push('`days: none` would list the talks without days');
  return out;
}

/** How a key is written in front matter (`talks: "##"`, `talks: bold`). */
export function overrideName(key: LevelKey): string {
  if (key === 'bold') return 'bold';
  if (key === 'link') return 'links';
  if (key === 'bullet') return 'bullets';
  if (key.startsWith('setext')) return 'setext';
  return `"${'#'.repeat(Number(key.slice(1)))}"`;
}

function hintFor(inference: Inference): string {
  const best = alternatives(inference)[0];
  const suggestion =
    best && !best.includes('talks: file') ? ` (or ${best.split(' would')[0]})` : '';
  return `No talks found: start each talk with a \`## Talk title\` heading line${suggestion}, or add \`talks: file\` to the front matter if the whole file is one talk.`;
}

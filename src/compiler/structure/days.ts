import { classifyDayLabel } from '../dates.ts';
import { isSectionLike, repeats, type Inference } from './inference.ts';
import {
  isHeadingKey,
  KEY_ORDER,
  keyLabel,
  rankOf,
  type Candidate,
  type LevelKey,
} from './types.ts';
import { asideKindOf } from './vocabulary.ts';

const HEADING_KEYS = KEY_ORDER.filter(isHeadingKey);

/**
 * Step 2. Chooses the key of the day headings: the front matter's; else the heading key whose
 * titles read as days (dates, `Day 1`, `1日目`, tracks) for at least half of them (or two that
 * are dates or day numbers), with something nested after the first or, for two dates or day
 * numbers, talks with notes after it at the same level; else a heading key whose headings have
 * no notes of their own and hold on average 1.5 or more distinct headings of the next depth
 * (tracks, rooms), none of them holding mostly the sections of one talk.
 * Mutates the inference (`dayKey`, `decisions`).
 */
export function chooseDayKey(inference: Inference): void {
  if (inference.override.day !== undefined) {
    inference.dayKey = inference.override.day;
    inference.decisions.push({
      line: null,
      text: `days: ${inference.dayKey ? keyLabel(inference.dayKey) : 'none'}, as set in the front matter or conference-notes.yml`,
    });
    return;
  }
  let best: { key: LevelKey; labelled: Candidate[] } | null = null;
  for (const key of HEADING_KEYS) {
    const core = coreOf(inference, key);
    const labelled = core.filter((c) => classifyDayLabel(c.title) !== null);
    // Two real days (dates, day numbers) make a day level even among talks written at it.
    const strong = labelled.filter((c) => classifyDayLabel(c.title)!.kind !== 'track').length;
    if (labelled.length === 0 || (labelled.length * 2 < core.length && strong < 2)) continue;
    const nested = inference.candidates.some(
      (c) => c.line > labelled[0]!.line && rankOf(c.key) > rankOf(key),
    );
    // `### 7/26 Day 1` then `### Talk` with its notes, at one level: days among their talks.
    const among =
      strong >= 2 && core.some((c) => c.line > labelled[0]!.line && c.own && !labelled.includes(c));
    if (!nested && !among) continue;
    if (!best || labelled.length > best.labelled.length) best = { key, labelled };
  }
  if (best) {
    inference.dayKey = best.key;
    const reasons = best.labelled.slice(0, 3).map((c) => classifyDayLabel(c.title)!.reason);
    const more = best.labelled.length > 3 ? `, … (${best.labelled.length} in all)` : '';
    inference.decisions.push({
      line: null,
      text: `days: ${keyLabel(best.key)}, ${coreOf(inference, best.key).length}: ${reasons.join('; ')}${more}`,
    });
    return;
  }
  const container = containerKey(inference);
  if (container) {
    inference.dayKey = container.key;
    inference.decisions.push({
      line: null,
      text: `days: ${keyLabel(container.key)}, ${container.why}`,
    });
    return;
  }
  inference.decisions.push({ line: null, text: 'days: none (no heading level reads as days)' });
}

/** Candidates of a key that could be days or talks: not the conference, not aside words, not repeated. */
export function coreOf(inference: Inference, key: LevelKey): Candidate[] {
  return (inference.byKey.get(key) ?? []).filter(
    (c) => c !== inference.conference && asideKindOf(c.title) === null && repeats(inference, c) < 2,
  );
}

function containerKey(inference: Inference): { key: LevelKey; why: string } | null {
  const atx = HEADING_KEYS.filter((k) => k.startsWith('h') && inference.byKey.has(k));
  for (let i = 0; i + 1 < atx.length; i++) {
    const key = atx[i]!;
    const inner = atx[i + 1]!;
    const core = coreOf(inference, key);
    if (core.length === 0 || core.some((c) => c.own)) continue;
    const held = core.map((c) => heldBy(inference, c, inner));
    if (held.some((n) => n.length === 0)) continue;
    // A heading that holds mostly the sections of one talk (`Takes`, `Raw notes`, `Q&A`) is a talk.
    if (held.some((n) => n.filter((c) => isSectionLike(inference, c)).length * 2 > n.length))
      continue;
    const children = held.flat();
    const repeated = children.filter((c) => repeats(inference, c) > 1).length;
    if (children.length < core.length * 1.5 || repeated * 2 >= children.length) continue;
    return {
      key,
      why: `${core.length}: they have no notes of their own and hold ${children.length} distinct ${keyLabel(inner)}`,
    };
  }
  return null;
}

/** The candidates of `inner` between `c` and the next candidate of `c`'s rank or above. */
function heldBy(inference: Inference, c: Candidate, inner: LevelKey): Candidate[] {
  const out: Candidate[] = [];
  for (const other of inference.candidates) {
    if (other.line <= c.line || !isHeadingKey(other.key)) continue;
    if (rankOf(other.key) <= rankOf(c.key) && other.key.startsWith('h')) break;
    if (other.key === inner) out.push(other);
  }
  return out;
}

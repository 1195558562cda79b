import { coreOf } from './days.ts';
import { isSectionLike, repeats, shown, type Inference } from './inference.ts';
import {
  isHeadingKey,
  KEY_ORDER,
  keyLabel,
  rankOf,
  type Candidate,
  type LevelKey,
} from './types.ts';
import {
  asideKindOf,
  isConferenceWord,
  isContainerWord,
  isSectionWord,
  normalizeTitle,
} from './vocabulary.ts';

/**
 * Step 3. Chooses the key of the talks: the front matter's; else, below the days, the key that
 * most often opens what follows a day heading (or the conference heading, or the file's start),
 * skipping asides and titles that repeat (sections). Bold lines and link bullets count only
 * when there are two or more of them or days to hold them, link bullets only when one has notes
 * nested under it. Mutates the inference (`talkKey`, `decisions`).
 */
export function chooseTalkKey(inference: Inference): void {
  const forced = inference.override.talk;
  if (forced !== undefined) {
    if (forced === 'file') inference.oneTalk = true;
    else inference.talkKey = forced;
    inference.decisions.push({
      line: null,
      text: `talks: ${forced === 'file' ? 'the whole file is one talk' : keyLabel(forced)}, as set in the front matter or conference-notes.yml`,
    });
    return;
  }
  const best = inference.dayKey ? mostFirstAfterDays(inference) : shallowest(inference);
  inference.talkKey = best;
  if (best === null) {
    const text = inference.dayKey ? 'talks: none below the days' : 'talks: none found';
    inference.decisions.push({ line: null, text });
    return;
  }
  const count = coreOf(inference, best).length;
  inference.decisions.push({
    line: null,
    text: `talks: ${keyLabel(best)}, ${count} (${inference.dayKey ? 'what most days open with' : 'the outermost level below the title'})`,
  });
}

/**
 * Step 4. Decides whether the whole file is one talk (a keynote or webinar write-up): no days,
 * a `#` title, and either nothing else but notes, or talk-level headings that are mostly the
 * usual sections of one talk (`Introduction`, `Demo`, `Q&A`, `References`…). Mutates the
 * inference.
 */
export function decideOneTalk(inference: Inference): void {
  const { talkKey, conference } = inference;
  if (inference.oneTalk || inference.override.talk !== undefined) return;
  if (!talkKey && !inference.dayKey && conference?.own) {
    inference.oneTalk = true;
    inference.decisions.push({
      line: conference.line,
      text: `one talk: ${shown(conference)} is the only title and has notes under it`,
    });
    return;
  }
  if (inference.dayKey || !talkKey || !conference || rankOf(talkKey) <= rankOf(conference.key))
    return;
  const parts = inference.byKey.get(talkKey) ?? [];
  const sections = parts.filter((c) => isSectionWord(c.title));
  if (parts.length < 2 || sections.length * 2 < parts.length) return;
  if (parts.some((c) => isConferenceWord(c.title))) return;
  inference.oneTalk = true;
  inference.decisions.push({
    line: conference.line,
    text: `one talk: ${shown(conference)} is the only title and ${sections.length} of its ${parts.length} ${keyLabel(talkKey)} are the sections of one talk (${sections
      .slice(0, 3)
      .map((c) => `\`${c.title}\``)
      .join(', ')}…)`,
  });
}

/** The key that most often comes first after a day heading. */
function mostFirstAfterDays(inference: Inference): LevelKey | null {
  const votes = new Map<LevelKey, number>();
  for (const opener of openers(inference)) {
    const key = firstTalkKeyAfter(inference, opener);
    if (key) votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  let best: LevelKey | null = null;
  for (const key of KEY_ORDER) {
    if ((votes.get(key) ?? 0) > (best ? votes.get(best)! : 0)) best = key;
  }
  return best;
}

/**
 * Without days: the first key (headings shallow to deep, then bold lines, link bullets) with
 * talks, passing over a key one of whose headings is named for the talks and holds a deeper
 * key's many talks (`## プログラム` over nine `###`, `## Speakers` over thirteen bold lines).
 */
function shallowest(inference: Inference): LevelKey | null {
  const keys = KEY_ORDER.filter(
    (key) => coreOf(inference, key).length > 0 && qualifies(inference, key),
  );
  for (const [i, key] of keys.entries()) {
    const inner = keys.slice(i + 1).find((k) => holds(inference, key, k));
    if (!inner) return key;
    inference.decisions.push({
      line: null,
      text: `${keyLabel(key)} hold ${keyLabel(inner)} and are fewer → groups, not talks`,
    });
  }
  return null;
}

/**
 * Whether a heading of `outer` with no notes of its own holds two or more `inner` talks, and
 * `inner` has twice as many, the usual sections of a talk (`Takes`, `Q&A`) not counted: those
 * make the other `outer` headings talks.
 */
function holds(inference: Inference, outer: LevelKey, inner: LevelKey): boolean {
  if (rankOf(inner) <= rankOf(outer)) return false;
  const outers = coreOf(inference, outer);
  const inners = coreOf(inference, inner).filter((c) => !isSectionLike(inference, c));
  if (inners.length < outers.length * 2) return false;
  return outers.some((c) => {
    if (c.own || !isContainerWord(c.title)) return false;
    let n = 0;
    for (const next of inference.candidates) {
      if (next.line <= c.line) continue;
      if (rankOf(next.key) <= rankOf(outer)) break;
      if (next.key === inner && inners.includes(next)) n++;
    }
    return n >= 2;
  });
}

/** The candidates after which a talk may start: each day, else the conference, else the file's start. */
function openers(inference: Inference): (Candidate | null)[] {
  const { dayKey } = inference;
  if (dayKey)
    return (inference.byKey.get(dayKey) ?? []).filter((c) => asideKindOf(c.title) === null);
  return [inference.conference];
}

/** The key of the first candidate after `opener` that could be a talk, or null. */
function firstTalkKeyAfter(inference: Inference, opener: Candidate | null): LevelKey | null {
  const floor = inference.dayKey ? rankOf(inference.dayKey) : 0;
  for (const c of inference.candidates) {
    if (opener && c.line <= opener.line) continue;
    if (c === inference.conference || asideKindOf(c.title) !== null || repeats(inference, c) > 1)
      continue;
    if (inference.dayKey && c.key === inference.dayKey) return null;
    if (rankOf(c.key) <= floor) return null;
    if (!qualifies(inference, c.key)) continue;
    return c.key;
  }
  return null;
}

/**
 * Bold lines and link bullets are talks only in numbers, or under days; link bullets with notes,
 * and not when they list the headings that follow (a table of contents: `- [Talk](…)` over
 * `## Talk`).
 */
function qualifies(inference: Inference, key: LevelKey): boolean {
  if (isHeadingKey(key)) return true;
  let known = qualified.get(inference);
  if (!known) qualified.set(inference, (known = new Map()));
  let answer = known.get(key);
  if (answer === undefined) {
    const all = coreOf(inference, key);
    answer =
      (all.length >= 2 || inference.dayKey !== null) &&
      (key !== 'link' || (all.some((c) => c.own) && !listsHeadings(inference, all)));
    known.set(key, answer);
  }
  return answer;
}

/** `qualifies`' answers, asked once per candidate: each reads every candidate of its key. */
const qualified = new WeakMap<Inference, Map<LevelKey, boolean>>();

/** Whether most of these link bullets name a heading of the file. */
function listsHeadings(inference: Inference, links: readonly Candidate[]): boolean {
  const headings = [...inference.titleCounts].filter(([key]) => isHeadingKey(key));
  const named = links.filter((c) => {
    const normal = normalizeTitle(c.title);
    return headings.some(([, counts]) => counts.has(normal));
  }).length;
  return named * 2 > links.length;
}

import { classifyDayLabel } from '../dates.ts';
import { repeats, shown, type Inference } from './inference.ts';
import { isHeadingKey, rankOf, type Candidate, type Role } from './types.ts';
import { asideKindOf, isSectionWord, normalizeTitle, separatorsOf } from './vocabulary.ts';

/**
 * Step 5. Gives every candidate its role, keeping a reason for each one that is not plain:
 * the conference; days; talks; asides (aside words, a block pasted twice, a heading above the
 * talks that holds no talk); groups (a heading above the talks, or a talk-level heading with
 * nothing of its own that titles the talks after it, unlike them); headings deeper than the
 * talks written like the talks (promoted); everything else is content. Mutates the inference.
 */
export function assignRoles(inference: Inference, lines: readonly string[]): void {
  const { candidates, roles } = inference;
  const talkSeparator = dominantSeparator(inference);
  for (const c of candidates) roles.set(c, { kind: 'content' });
  settleConference(inference, talkSeparator);
  if (inference.oneTalk) return;
  for (const [i, c] of candidates.entries()) {
    if (c === inference.conference) continue;
    if (c.key === inference.dayKey) roles.set(c, dayRole(inference, c, i));
    else if (c.key === inference.talkKey)
      roles.set(c, talkRole(inference, c, i, talkSeparator, lines));
    else if (isAbove(inference, c)) roles.set(c, { kind: 'day' });
    else if (promoted(inference, c, talkSeparator)) roles.set(c, { kind: 'talk' });
  }
  settleAbove(inference);
  settleTalksAtDayLevel(inference);
  settleHolders(inference);
  explainRepeatedSections(inference);
}

/** Talk-level headings under a talk written at the day level are its sections. */
function settleTalksAtDayLevel(inference: Inference): void {
  const { candidates, roles, dayKey, talkKey } = inference;
  let inTalk = false;
  for (const c of candidates) {
    if (c.key === dayKey) inTalk = roles.get(c)?.kind === 'talk';
    else if (inTalk && c.key === talkKey && roles.get(c)?.kind === 'talk')
      roles.set(c, { kind: 'content' });
  }
}

/** A talk-level heading with no notes of its own that holds talks (`## Keynote` over `### Talk 1: …`) is a group. */
function settleHolders(inference: Inference): void {
  const { candidates, roles, talkKey } = inference;
  for (const [i, c] of candidates.entries()) {
    if (c.key !== talkKey || c.own || roles.get(c)?.kind === 'day') continue;
    let held = 0;
    for (const next of candidates.slice(i + 1)) {
      if (next.key === talkKey || roles.get(next)?.kind === 'day') break;
      if (roles.get(next)?.kind === 'talk') held++;
    }
    if (held === 0) continue;
    roles.set(c, { kind: 'day' });
    inference.decisions.push({
      line: c.line,
      text: `${shown(c)} has no notes of its own and holds ${held} talk${held === 1 ? '' : 's'} written like the others → a group`,
    });
  }
}

/** Says why titles that repeat below the talks (`### Keynotes` under every talk) are sections. */
function explainRepeatedSections(inference: Inference): void {
  const { talkKey } = inference;
  if (!talkKey) return;
  const said = new Set<string>();
  for (const c of inference.candidates) {
    const n = repeats(inference, c);
    if (n < 2 || rankOf(c.key) <= rankOf(talkKey) || inference.roles.get(c)?.kind !== 'content')
      continue;
    const key = `${c.key} ${normalizeTitle(c.title)}`;
    if (said.has(key) || said.size >= 5) continue;
    said.add(key);
    inference.decisions.push({
      line: c.line,
      text: `${shown(c)} repeats ${n}× → a section of each talk`,
    });
  }
}

/** The conference heading stays one unless it is a day, or a talk like the others. */
function settleConference(inference: Inference, separator: string | null): void {
  const c = inference.conference;
  if (!c) return;
  if (inference.oneTalk) {
    inference.roles.set(c, { kind: 'talk' });
    return;
  }
  const isTalk =
    c.key === inference.talkKey &&
    (inference.titled || (separator !== null && separatorsOf(c.title).includes(separator)));
  if (c.key === inference.dayKey || isTalk) {
    inference.conference = null;
    return;
  }
  inference.roles.set(c, { kind: 'conference' });
}

function dayRole(inference: Inference, c: Candidate, i: number): Role {
  const aside = asideKindOf(c.title);
  if (aside !== null) {
    inference.decisions.push({ line: c.line, text: `${shown(c)} → ${aside}, not a day` });
    return { kind: 'aside', aside };
  }
  if (classifyDayLabel(c.title) !== null || !c.own) return { kind: 'day' };
  // `## Debater` among `## Day1`/`## Day2`, with notes of its own: a talk (its `###` are sections).
  if (
    inference.override.day === undefined &&
    inference.candidates.some((o) => o !== c && o.key === c.key && classifyDayLabel(o.title))
  ) {
    inference.decisions.push({
      line: c.line,
      text: `${shown(c)} is not a day and has notes of its own → a talk of the day before${holdsTalkKey(inference, i) ? ', the headings under it its sections' : ''}`,
    });
    return { kind: 'talk' };
  }
  return { kind: 'day' };
}

/** Whether a talk-level candidate follows the one at `i` before the next candidate of its key. */
function holdsTalkKey(inference: Inference, i: number): boolean {
  const c = inference.candidates[i]!;
  for (const next of inference.candidates.slice(i + 1)) {
    if (next.key === c.key) return false;
    if (next.key === inference.talkKey) return true;
  }
  return false;
}

function talkRole(
  inference: Inference,
  c: Candidate,
  i: number,
  separator: string | null,
  lines: readonly string[],
): Role {
  const aside = asideKindOf(c.title);
  // `Intro` is a preface only before the first talk; later it is a talk's title.
  const afterTalks = () =>
    inference.candidates.some((o) => o.line < c.line && inference.roles.get(o)?.kind === 'talk');
  if (aside !== null && !(aside === 'intro' && afterTalks())) {
    inference.decisions.push({ line: c.line, text: `${shown(c)} → ${aside}, not a talk` });
    return { kind: 'aside', aside };
  }
  const n = repeats(inference, c);
  if (n > 1) {
    const earlier = pastedFrom(inference, c, lines);
    if (earlier) {
      inference.decisions.push({
        line: c.line,
        text: `${shown(c)} repeats lines ${earlier.line}–… word for word → a repeat, not a second talk`,
      });
      return { kind: 'aside', aside: 'repeat' };
    }
    if (isSectionWord(c.title) || repeatsBelow(inference, c)) {
      if (c === firstWithTitle(inference, c))
        inference.decisions.push({
          line: c.line,
          text: `${shown(c)} repeats ${n}× → a section of the talk before it`,
        });
      return { kind: 'content' };
    }
  }
  if (isTopic(inference, c, i, separator)) {
    inference.decisions.push({
      line: c.line,
      text: `${shown(c)} has nothing of its own and titles the talks after it → a group`,
    });
    return { kind: 'day' };
  }
  return { kind: 'talk' };
}

/** Whether a title also repeats as a section deeper down (`## Keynotes` among talks whose `### Keynotes` are notes). */
function repeatsBelow(inference: Inference, c: Candidate): boolean {
  const normal = normalizeTitle(c.title);
  for (const [key, counts] of inference.titleCounts) {
    if (isHeadingKey(key) && rankOf(key) > rankOf(c.key) && (counts.get(normal) ?? 0) > 1)
      return true;
  }
  return false;
}

/** The separator (`-` in `Alice - Rust`) that most talk titles share, when at least 3 of 5 do. */
function dominantSeparator(inference: Inference): string | null {
  const talks = (inference.talkKey ? (inference.byKey.get(inference.talkKey) ?? []) : []).filter(
    (c) => asideKindOf(c.title) === null,
  );
  if (talks.length < 3) return null;
  const counts = new Map<string, number>();
  for (const c of talks)
    for (const s of separatorsOf(c.title)) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [s, n] of counts) if (n * 5 >= talks.length * 3) return s;
  return null;
}

/** A talk-level heading with nothing of its own, written unlike the talk that follows it. */
function isTopic(inference: Inference, c: Candidate, i: number, separator: string | null): boolean {
  if (separator === null || c.own || separatorsOf(c.title).includes(separator)) return false;
  const next = inference.candidates[i + 1];
  return next?.key === c.key && separatorsOf(next.title).includes(separator);
}

/** A heading deeper than the talks, written like them (`## Carol - …` among `# Name - …`). */
function promoted(inference: Inference, c: Candidate, separator: string | null): boolean {
  const talkKey = inference.talkKey;
  if (!talkKey || separator === null || !talkKey.startsWith('h') || !c.key.startsWith('h'))
    return false;
  if (rankOf(c.key) <= rankOf(talkKey) || isSectionWord(c.title) || repeats(inference, c) > 1)
    return false;
  if (!separatorsOf(c.title).includes(separator)) return false;
  if (partsRepeat(inference, c, separator)) return false;
  inference.decisions.push({
    line: c.line,
    text: `${shown(c)} is written like the talks (\`${separator}\`) → a talk`,
  });
  return true;
}

/** `Landing Zone: Missteps`, `Security: Missteps`: a part shared with three others makes sections. */
function partsRepeat(inference: Inference, c: Candidate, separator: string): boolean {
  const split = (title: string) =>
    title
      .split(separator === '-' ? /\s+[-–—]\s+/u : separator === ':' ? /\s*[:：]\s*/u : separator)
      .map((p) => normalizeTitle(p))
      .filter((p) => p !== '');
  const mine = split(c.title);
  const others = (inference.byKey.get(c.key) ?? [])
    .filter((o) => o !== c)
    .flatMap((o) => split(o.title));
  return mine.some((part) => others.filter((o) => o === part).length >= 3);
}

/** Headings above the talk level (not the conference, not the days) make groups or asides. */
function isAbove(inference: Inference, c: Candidate): boolean {
  const talkKey = inference.talkKey;
  if (!talkKey || !isHeadingKey(c.key)) return false;
  // Setext headings make structure only where the talks are setext headings.
  if (c.key.startsWith('setext') && !talkKey.startsWith('setext')) return false;
  return rankOf(c.key) < rankOf(talkKey);
}

/** A group with no talk before the next group or day is an aside; a group with talks is a day. */
function settleAbove(inference: Inference): void {
  const { candidates, roles } = inference;
  for (const [i, c] of candidates.entries()) {
    if (roles.get(c)?.kind !== 'day' || c.key === inference.dayKey) continue;
    const aside = asideKindOf(c.title);
    let holdsTalk = false;
    for (const next of candidates.slice(i + 1)) {
      const role = roles.get(next)!.kind;
      if (role === 'talk') holdsTalk = true;
      if (role !== 'content') break;
    }
    // `days: none` in the front matter: headings above the talks group nothing.
    if (holdsTalk && aside === null && inference.override.day !== null) continue;
    roles.set(c, { kind: 'aside', aside: aside ?? 'other' });
    inference.decisions.push({
      line: c.line,
      text: `${shown(c)} stands above the talks and holds none → ${aside ?? 'a part of its own'}, shown on the conference page`,
    });
  }
}

/** The earlier talk-level candidate whose title and notes this one repeats word for word. */
function pastedFrom(
  inference: Inference,
  c: Candidate,
  lines: readonly string[],
): Candidate | null {
  const text = blockText(inference, c, lines);
  // A title alone (an empty talk listed twice) is not a pasted block.
  if (!text.includes('\n')) return null;
  for (const other of inference.byKey.get(c.key) ?? []) {
    if (other === c) return null;
    if (other.title === c.title && blockText(inference, other, lines) === text) return other;
  }
  return null;
}

function firstWithTitle(inference: Inference, c: Candidate): Candidate | undefined {
  return inference.byKey.get(c.key)?.find((o) => o.title === c.title);
}

/** The non-blank lines from a candidate up to the next candidate. */
function blockText(inference: Inference, c: Candidate, lines: readonly string[]): string {
  const next = inference.candidates.find((o) => o.line > c.line);
  const end = next ? next.line - 1 : lines.length;
  return lines
    .slice(c.line - 1, end)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

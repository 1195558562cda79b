import type { Candidate, Decision, LevelKey, Role, StructureOverride } from './types.ts';
import { isSectionWord, normalizeTitle } from './vocabulary.ts';

/** The state the inference steps read and fill in, one after the other. */
export interface Inference {
  candidates: readonly Candidate[];
  /** Candidates by key, in source order. */
  byKey: ReadonlyMap<LevelKey, readonly Candidate[]>;
  /** How often each normalized title occurs at each key. */
  titleCounts: ReadonlyMap<LevelKey, ReadonlyMap<string, number>>;
  override: StructureOverride;
  /** Whether the front matter (or metadata lines) gives the conference title. */
  titled: boolean;
  conference: Candidate | null;
  dayKey: LevelKey | null;
  talkKey: LevelKey | null;
  /** The whole file is one talk, opened by `conference` (or by the file's start). */
  oneTalk: boolean;
  roles: Map<Candidate, Role>;
  decisions: Decision[];
}

/** Returns a fresh inference over some candidates; mutates nothing. */
export function startInference(
  candidates: readonly Candidate[],
  override: StructureOverride,
  titled: boolean,
): Inference {
  const byKey = new Map<LevelKey, Candidate[]>();
  const titleCounts = new Map<LevelKey, Map<string, number>>();
  for (const c of candidates) {
    let list = byKey.get(c.key);
    if (!list) byKey.set(c.key, (list = []));
    list.push(c);
    let counts = titleCounts.get(c.key);
    if (!counts) titleCounts.set(c.key, (counts = new Map()));
    const normal = normalizeTitle(c.title);
    counts.set(normal, (counts.get(normal) ?? 0) + 1);
  }
  return {
    candidates,
    byKey,
    titleCounts,
    override,
    titled,
    conference: null,
    dayKey: null,
    talkKey: null,
    oneTalk: false,
    roles: new Map(),
    decisions: [],
  };
}

/** How many candidates of its key share a candidate's normalized title (1: none other). */
export function repeats(inference: Inference, c: Candidate): number {
  const normal = normalizeTitle(c.title);
  // Titles of emoji or punctuation only (`🎉`, `???`) are not compared.
  if (normal === '') return 1;
  return inference.titleCounts.get(c.key)?.get(normal) ?? 1;
}

/** True when a candidate reads as a section of a talk: a usual section title, or one that repeats. */
export function isSectionLike(inference: Inference, c: Candidate): boolean {
  return isSectionWord(c.title) || repeats(inference, c) > 1;
}

/** Returns a title as quoted in explanations: `## Keynotes`, `**A. Talk**`, `[Talk](…)`. */
export function shown(c: Candidate): string {
  if (c.key === 'bold') return `\`**${c.title}**\``;
  if (c.key === 'link') return `\`- [${c.title}](…)\``;
  if (c.key === 'bullet') return `\`- ${c.title}\``;
  if (c.key.startsWith('setext')) return `\`${c.title}\` (setext)`;
  return `\`${'#'.repeat(Number(c.key.slice(1)))} ${c.title}\``;
}

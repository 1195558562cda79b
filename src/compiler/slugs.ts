import GithubSlugger, { slug as githubSlug } from 'github-slugger';

/** A `{#my-id}` at the very end of a heading's text. */
const PINNED_ID = /\s*\{#([^\s{}]+)\}\s*$/u;

/** Returns the heading text without a trailing `{#id}`, and that id (or null). Mutates nothing. */
export function splitPinnedId(text: string): { title: string; pinnedId: string | null } {
  const match = PINNED_ID.exec(text);
  if (!match) return { title: text.trim(), pinnedId: null };
  return { title: text.slice(0, match.index).trim(), pinnedId: match[1]! };
}

/** Returns the github-slugger slug of a text ('untitled' when it slugs to nothing). Pure. */
export function slugOf(text: string): string {
  return githubSlug(text) || 'untitled';
}

/** One thing to name: its title, an optional pinned id, and its line (for messages). */
export interface SlugRequest {
  title: string;
  pinnedId: string | null;
  line: number;
}

/** Why a slug is not the plain slug of its title. */
export interface SlugConflict {
  /** Index of the request that had to move. */
  index: number;
  /** Index of the request that kept the slug. */
  keptBy: number;
  wanted: string;
  given: string;
  /** `pinned` when the value was pinned with `{#id}` by another heading. */
  cause: 'duplicate' | 'pinned' | 'duplicate-pin';
}

/**
 * Returns one unique slug per request, in request order, plus the conflicts that needed a
 * suffix. Pinned ids win; among unpinned titles that slug alike, the first in source order keeps
 * the slug and later ones get `-1`, `-2`… skipping values already taken, so a suffix depends only
 * on the titles that collide (adding, removing or reordering an unrelated title changes nothing).
 * Mutates nothing.
 */
export function assignSlugs(requests: readonly SlugRequest[]): {
  slugs: string[];
  conflicts: SlugConflict[];
} {
  const slugs: string[] = new Array<string>(requests.length);
  const owner = new Map<string, number>();
  const conflicts: SlugConflict[] = [];
  const waiting: { index: number; base: string; keptBy: number; cause: SlugConflict['cause'] }[] =
    [];

  // Pinned ids first: they are explicit promises.
  requests.forEach((r, index) => {
    if (r.pinnedId === null) return;
    const kept = owner.get(r.pinnedId);
    if (kept === undefined) {
      owner.set(r.pinnedId, index);
      slugs[index] = r.pinnedId;
    } else waiting.push({ index, base: r.pinnedId, keptBy: kept, cause: 'duplicate-pin' });
  });
  // Then every unpinned title's plain slug, first come first served.
  requests.forEach((r, index) => {
    if (r.pinnedId !== null) return;
    const base = slugOf(r.title);
    const kept = owner.get(base);
    if (kept === undefined) {
      owner.set(base, index);
      slugs[index] = base;
    } else {
      const cause = requests[kept]!.pinnedId === null ? 'duplicate' : 'pinned';
      waiting.push({ index, base, keptBy: kept, cause });
    }
  });
  // Suffixes last, in source order within each colliding base.
  waiting.sort((a, b) => a.index - b.index);
  const nextSuffix = new Map<string, number>();
  for (const w of waiting) {
    let n = nextSuffix.get(w.base) ?? 1;
    while (owner.has(`${w.base}-${n}`)) n++;
    const given = `${w.base}-${n}`;
    nextSuffix.set(w.base, n + 1);
    owner.set(given, w.index);
    slugs[w.index] = given;
    conflicts.push({ index: w.index, keptBy: w.keptBy, wanted: w.base, given, cause: w.cause });
  }
  return { slugs, conflicts };
}

/**
 * Returns unique heading ids for one talk, github-slugger style (a fresh slugger per talk):
 * pinned ids are reserved first, empty titles become `untitled`, `untitled-1`…
 * Mutates nothing.
 */
export function headingIds(
  headings: readonly { title: string; pinnedId: string | null }[],
): string[] {
  const slugger = new GithubSlugger();
  const pinned = new Set<string>();
  const ids: (string | null)[] = headings.map((h) => {
    if (h.pinnedId === null || pinned.has(h.pinnedId)) return null;
    pinned.add(h.pinnedId);
    return h.pinnedId;
  });
  // Reserve pinned ids so an unpinned heading never takes one.
  for (const id of pinned) slugger.occurrences[id] = 0;
  return headings.map((h, i) => {
    const fixed = ids[i];
    if (fixed) return fixed;
    return slugger.slug(h.pinnedId ?? (githubSlug(h.title) === '' ? 'untitled' : h.title));
  });
}

import GithubSlugger, { slug as githubSlug } from 'github-slugger';

/** A `{#my-id}` at the very end of a heading's text. */
const PINNED_ID = /\s*\{#([^\s{}]+)\}\s*$/u;

/** Returns the heading text without a trailing `{#id}`, and that id (or null). Mutates nothing. */
export function splitPinnedId(text: string): { title: string; pinnedId: string | null } {
  const match = PINNED_ID.exec(text);
  if (!match) return { title: text.trim(), pinnedId: null };
  return { title: text.slice(0, match.index).trim(), pinnedId: match[1]! };
}

/**
 * Longest slug, in UTF-8 bytes. A talk's data file is `<slug>.<hash>.json` and file systems stop
 * at 255 bytes per name: 100 CJK characters would already be 300.
 */
export const MAX_SLUG_BYTES = 150;

/** Returns the slug cut to `MAX_SLUG_BYTES` at a character boundary, without a trailing `-`. Pure. */
export function capSlug(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  let out = '';
  let bytes = 0;
  for (const char of slug) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_SLUG_BYTES) break;
    out += char;
  }
  return out.replace(/-+$/, '');
}

/** Returns the github-slugger slug of a text, capped in length ('untitled' when it slugs to nothing). Pure. */
export function slugOf(text: string): string {
  return capSlug(githubSlug(text)) || 'untitled';
}

/** A pinned id that is safe as it is in a URL path, a file name and an HTML id. */
const SAFE_ID = /^[\p{L}\p{M}\p{N}_-]+$/u;

/** True when a pinned `{#id}` can be used as written (letters, digits, `-`, `_`; not too long). Pure. */
export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && Buffer.byteLength(id) <= MAX_SLUG_BYTES;
}

/**
 * Returns a pinned `{#id}` as it is when safe, else its slug: `{#../../x}` must never become a
 * path that leaves the data folder. Pure.
 */
export function safeId(id: string): string {
  return isSafeId(id) ? id : slugOf(id);
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
 * suffix. Pinned ids (made safe, see `safeId`) win; among unpinned titles that slug alike, the first in source order keeps
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

  // Pinned ids first: they are explicit promises (made safe: they name files and URLs).
  requests.forEach((r, index) => {
    if (r.pinnedId === null) return;
    const pin = safeId(r.pinnedId);
    const kept = owner.get(pin);
    if (kept === undefined) {
      owner.set(pin, index);
      slugs[index] = pin;
    } else waiting.push({ index, base: pin, keptBy: kept, cause: 'duplicate-pin' });
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
 * pinned ids (made safe, see `safeId`) are reserved first, empty titles become `untitled`,
 * `untitled-1`…
 * Mutates nothing.
 */
export function headingIds(
  headings: readonly { title: string; pinnedId: string | null }[],
): string[] {
  const slugger = new GithubSlugger();
  const pinned = new Set<string>();
  const safe = headings.map((h) => (h.pinnedId === null ? null : safeId(h.pinnedId)));
  const ids: (string | null)[] = safe.map((id) => {
    if (id === null || pinned.has(id)) return null;
    pinned.add(id);
    return id;
  });
  // Reserve pinned ids so an unpinned heading never takes one.
  for (const id of pinned) slugger.occurrences[id] = 0;
  return headings.map((h, i) => {
    const fixed = ids[i];
    if (fixed) return fixed;
    return slugger.slug(safe[i] ?? (githubSlug(h.title) === '' ? 'untitled' : h.title));
  });
}

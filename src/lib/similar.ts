import { distance } from 'fastest-levenshtein';
import type { Conference, NotesIndex } from '../compiler/contract';
import { listTalks, type TalkEntry } from './notes-index';

function normalize(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Keep the raw text when it is not valid percent-encoding.
  }
  return decoded
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** 0 (same) … 1 (nothing in common): edit distance over the longer length. */
export function dissimilarity(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  if (!x || !y) return 1;
  if (x === y) return 0;
  // One inside the other (a truncated URL, a title word) is a near miss.
  if (Math.min(x.length, y.length) >= 3 && (x.includes(y) || y.includes(x))) return 0.25;
  return distance(x, y) / Math.max(x.length, y.length);
}

const THRESHOLD = 0.6;

/** Talks whose slug or title is closest to `wanted` (a requested slug), best first. */
export function closestTalks(index: NotesIndex, wanted: string, limit = 5): TalkEntry[] {
  if (!normalize(wanted)) return [];
  return listTalks(index)
    .map((entry) => ({
      entry,
      score: Math.min(
        dissimilarity(wanted, entry.talk.slug),
        dissimilarity(wanted, entry.talk.title),
      ),
    }))
    .filter((s) => s.score <= THRESHOLD)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.entry);
}

/** Conferences whose slug or title is closest to `wanted`, best first. */
export function closestConferences(index: NotesIndex, wanted: string, limit = 3): Conference[] {
  if (!normalize(wanted)) return [];
  return index.conferences
    .map((conference) => ({
      conference,
      score: Math.min(
        dissimilarity(wanted, conference.slug),
        dissimilarity(wanted, conference.title),
      ),
    }))
    .filter((s) => s.score <= THRESHOLD)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.conference);
}

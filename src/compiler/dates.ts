import { format, isValid, parse } from 'date-fns';

/** Formats that carry their own year. */
const WITH_YEAR = [
  'yyyy-MM-dd',
  'yyyy-M-d',
  'yyyy/M/d',
  'yyyy.M.d',
  "yyyy'年'M'月'd'日'",
  'MMM d yyyy',
  'MMMM d yyyy',
  'd MMM yyyy',
  'd MMMM yyyy',
];
/** Formats that need the year from elsewhere (front matter or title). */
const WITHOUT_YEAR = ['M/d', 'M-d', 'M.d', "M'月'd'日'", 'MMM d', 'MMMM d', 'd MMM', 'd MMMM'];

/**
 * Returns the ISO date (`yyyy-MM-dd`) a day label names, or null when it names none or the
 * year is unknown. Tries the whole label, then its words and word pairs ("Day 1 (4/15)",
 * "Saturday, April 15"), with date-fns `parse`; impossible dates (2/30) are rejected. Pure.
 */
export function parseDayLabel(label: string, year: number | null): string | null {
  const candidates = labelCandidates(label);
  for (const text of candidates) {
    const iso = tryParse(text, WITH_YEAR, 2000);
    if (iso) return iso;
  }
  if (year === null) return null;
  for (const text of candidates) {
    const iso = tryParse(text, WITHOUT_YEAR, year);
    if (iso) return iso;
  }
  return null;
}

/** Returns a four-digit year (1900-2099) written in a text, or null. Pure. */
export function yearInText(text: string): number | null {
  const match = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text);
  return match ? Number(match[1]) : null;
}

function labelCandidates(label: string): string[] {
  const whole = label.trim();
  const words = whole.split(/[\s,()[\]（），、:：]+/u).filter((w) => w !== '');
  const out = [whole];
  for (let i = 0; i + 3 <= words.length; i++) {
    out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  out.push(...words);
  return [...new Set(out)];
}

function tryParse(text: string, formats: readonly string[], year: number): string | null {
  const reference = new Date(year, 0, 1);
  for (const f of formats) {
    const date = parse(text, f, reference);
    // date-fns rolls nothing over, but double-check the round trip (rejects 2/30).
    if (isValid(date) && sameDay(date, text, f)) return format(date, 'yyyy-MM-dd');
  }
  return null;
}

function sameDay(date: Date, text: string, f: string): boolean {
  return (
    format(date, f).toLowerCase() === text.toLowerCase() ||
    normalizeNumbers(format(date, f)) === normalizeNumbers(text)
  );
}

// `04/15` and `4/15` are the same date: compare without leading zeros.
function normalizeNumbers(s: string): string {
  return s.toLowerCase().replace(/\b0+(\d)/g, '$1');
}

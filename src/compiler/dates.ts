// The three locales only: the package root loads every locale (~85 ms more per process).
import * as en from 'chrono-node/en';
import * as ja from 'chrono-node/ja';
import * as zh from 'chrono-node/zh';
import type { Chrono, ParsedResult } from 'chrono-node';

/** How a heading reads as a day (or track) label; `reason` is one phrase for `--explain`. */
export interface DayLabel {
  kind: 'date' | 'day-number' | 'track';
  reason: string;
}

/** A stretch of a label: where it starts and its text. */
interface Span {
  index: number;
  text: string;
}

/** A date chrono found in a label, with the parts the text states (`year` null when implied). */
interface FoundDate extends Span {
  year: number | null;
  month: number;
  day: number;
}

/** What makes a label a day: the date and the day-number words found in it. */
interface DayReading {
  date: FoundDate | null;
  dayWords: Span[];
}

/**
 * chrono guesses missing parts from a reference instant: a fixed one keeps results independent
 * of today's date, and a leap year lets `2/29` through (the real year is checked later).
 */
const REFERENCE = { instant: new Date(Date.UTC(2000, 5, 15)), timezone: 0 };

/** A day's number in English words or digits, and in Chinese/Japanese numerals or digits. */
const NUMBER_EN = String.raw`(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const NUMBER_CJK = String.raw`(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})`;

/** Day-number words, which are not dates: `Day 1`, `Day One`, `Tag 2`, `第一天`, `第二日`, `1日目`. */
const DAY_NUMBER = new RegExp(
  [
    // `Day -1`, `Day 0`: the days before the first (RubyKaigi's).
    String.raw`(?<![\p{L}\p{N}])(?:day|tag|jour|d[ií]a)\s*#?\s*[-−]?${NUMBER_EN}(?![\p{L}\p{N}])`,
    String.raw`第\s*${NUMBER_CJK}\s*[天日]`,
    String.raw`${NUMBER_CJK}\s*日目`,
  ].join('|'),
  'giu',
);

/** Track and group headings in English (matched against the whole lower-cased label). */
const TRACK_EN = new RegExp(
  '^(?:' +
    [
      '(?:morning|afternoon|evening)(?: (?:sessions?|talks|keynotes|workshops|track))?',
      'keynotes|workshops?|tutorials|lightning talks|sponsor(?:ed)? talks|sessions|panels|posters',
      '(?:main|plenary) (?:hall|stage|track|room|sessions)',
      '(?:track|room|hall|stage) (?:[a-z]|[a-z]?\\d{1,4}[a-z]?)',
      'lt',
    ].join('|') +
    ')$',
);

/** Track and group headings in Chinese and Japanese (the whole label). */
const TRACK_CJK = new Set([
  ...['主題演講', '主题演讲', '分會場', '分会场', '主會場', '主会场', '工作坊', '上午', '下午'],
  ...['基調講演', 'ワークショップ', 'ライトニングトーク', 'チュートリアル', '午前', '午後'],
]);

/** Weekday names (long and short) in English, Chinese and Japanese, from Intl, lower-cased. */
const WEEKDAYS = new Set(
  ['en', 'zh-Hans', 'zh-Hant', 'ja'].flatMap((locale) =>
    intlNames(locale, 'weekday', 7).map((name) => name.toLowerCase()),
  ),
);

/** English month names (long and short) from Intl: without a digit, a date needs one. */
const MONTH_NAME = new RegExp(`\\b(?:${intlNames('en', 'month', 12).join('|')})\\b`, 'i');

/**
 * Returns the ISO date (`yyyy-MM-dd`) a day label names, or null when it names none, when it
 * reads as something else (a talk title), or when it states no year and `year` is null. A year
 * in the label wins over `year`; impossible dates (2/30) give null. Pure.
 */
export function parseDayLabel(label: string, year: number | null): string | null {
  const date = readDay(clean(label))?.date;
  return date ? isoDate(date.year ?? year, date.month, date.day) : null;
}

/** Returns a four-digit year (1900-2099) written in a text, or null. Pure. */
export function yearInText(text: string): number | null {
  const match = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Returns how a heading reads as a day (or track) label, or null when it reads as something
 * else (a talk title). Pure.
 */
export function classifyDayLabel(label: string): DayLabel | null {
  const known = labelMemo.get(label);
  if (known !== undefined) return known;
  // Headings repeat across a file and a folder: remember a bounded number of answers.
  if (labelMemo.size >= 10_000) labelMemo.clear();
  const answer = classifyUncached(label);
  labelMemo.set(label, answer);
  return answer;
}

const labelMemo = new Map<string, DayLabel | null>();

function classifyUncached(label: string): DayLabel | null {
  const text = clean(label);
  const track = trackWord(text);
  if (track) return { kind: 'track', reason: `\`${track}\` names a track` };
  // A heading that is only the word (`## Day`) names a day as plainly as `## Day 1`.
  if (/^(?:days?|當天|当天|本日)$/iu.test(text))
    return { kind: 'day-number', reason: `\`${text}\` names a day` };
  const reading = readDay(text);
  if (!reading) return null;
  const { date, dayWords } = reading;
  if (date && (dayWords.length === 0 || date.year !== null)) {
    return { kind: 'date', reason: `\`${trimPunctuation(date.text)}\` is a date` };
  }
  return { kind: 'day-number', reason: `\`${dayWords[0]!.text}\` names a day` };
}

/** Returns the label without emoji (and their joiners), runs of blanks squeezed, trimmed. Pure. */
function clean(label: string): string {
  return label
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns the label as a track word (without numbering and trailing colons), or null. Pure. */
function trackWord(text: string): string | null {
  const word = text
    .replace(/^\d{1,2}[.)]\s+/, '')
    .replace(/[:：]+$/, '')
    .trim();
  return TRACK_EN.test(word.toLowerCase()) || TRACK_CJK.has(word) ? word : null;
}

/**
 * Returns the date and day-number words of a label that is mostly made of them, or null when
 * it has neither or too much else (more than two words and twelve characters, or words on
 * both sides). Pure.
 */
function readDay(text: string): DayReading | null {
  const dayWords = [...text.matchAll(DAY_NUMBER)].map((m) => ({ index: m.index, text: m[0] }));
  const date = findDate(text, dayWords);
  if (!date && dayWords.length === 0) return null;
  return isMostlyDay(text, date ? [...dayWords, date] : dayWords) ? { date, dayWords } : null;
}

/** Returns the longest date with a stated day and month that chrono finds, or null. Pure. */
function findDate(text: string, dayWords: readonly Span[]): FoundDate | null {
  // chrono reads `4/15` but not a lone `4-15` or `4.15`: give it the slash (same offsets).
  const input = /^\d{1,2}[-.]\d{1,2}$/.test(text) ? text.replace(/[-.]/, '/') : text;
  let best: FoundDate | null = null;
  for (const chrono of chronosFor(input)) {
    for (const result of chrono.parse(input, REFERENCE)) {
      const found = toFoundDate(text, result);
      if (found && isClean(input, found, dayWords) && found.text.length > (best?.text.length ?? 0))
        best = found;
    }
  }
  return best;
}

/**
 * Returns the chrono parsers worth running on a text: English when it has a digit or a month
 * name, Chinese and Japanese when it has 月; none for most talk titles. Pure.
 */
function chronosFor(text: string): Chrono[] {
  const out: Chrono[] = [];
  if (/\d/.test(text) || MONTH_NAME.test(text)) out.push(en.strict);
  if (text.includes('月')) out.push(zh.strict, ja.strict);
  return out;
}

/**
 * Returns a chrono result as a found date (its text taken from the label) when it states both
 * day and month, else null. Pure.
 */
function toFoundDate(label: string, result: ParsedResult): FoundDate | null {
  const { start } = result;
  if (!start.isCertain('day') || !start.isCertain('month')) return null;
  return {
    index: result.index,
    text: label.slice(result.index, result.index + result.text.length),
    year: start.isCertain('year') ? start.get('year') : null,
    month: start.get('month')!,
    day: start.get('day')!,
  };
}

/**
 * Returns whether a found date stands on its own: not glued to letters or digits (`v4/15`,
 * `13/1` read as `3/1`, `1.8/1.9`), not inside a day-number word, and, when all numeric,
 * month first (chrono falls back to day first for `13/1`; `9/3/2025` is September 3). Pure.
 */
function isClean(text: string, date: FoundDate, dayWords: readonly Span[]): boolean {
  const before = text.slice(Math.max(0, date.index - 2), date.index);
  const after = text.slice(date.index + date.text.length, date.index + date.text.length + 2);
  if (/[A-Za-z0-9]$|\d[./:-]$/.test(before) || /^[A-Za-z0-9]|^[./:-]\d/.test(after)) return false;
  if (dayWords.some((w) => overlaps(w, date))) return false;
  if (/[^\d\s./-]/.test(date.text)) return true;
  const parts = date.text.match(/\d+/g) ?? [];
  const at = parts[0]?.length === 4 ? 1 : 0;
  return Number(parts[at]) === date.month && Number(parts[at + 1]) === date.day;
}

/** Returns whether two spans share a character. Pure. */
function overlaps(a: Span, b: Span): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

/**
 * Returns whether what is left of a label once its date and day-number spans are cut out is
 * short (≤ 2 words or ≤ 12 characters, weekday names and punctuation not counted) and on one
 * side only: `4/15 Keynotes` is, `Go 1.8 released on 4/15 with plugins` and `The 3/4 problem`
 * are not. Pure.
 */
function isMostlyDay(text: string, spans: readonly Span[]): boolean {
  const sides = cutOut(text, spans)
    .map(leftoverWords)
    .filter((words) => words.length > 0);
  if (sides.length > 1) return false;
  const words = sides[0] ?? [];
  return countWords(words) <= 2 || words.join(' ').length <= 12;
}

/** Returns the pieces of a text between the given spans. Pure. */
function cutOut(text: string, spans: readonly Span[]): string[] {
  const sorted = [...spans].sort((a, b) => a.index - b.index);
  const pieces: string[] = [];
  let at = 0;
  for (const span of sorted) {
    pieces.push(text.slice(at, Math.max(at, span.index)));
    at = Math.max(at, span.index + span.text.length);
  }
  pieces.push(text.slice(at));
  return pieces;
}

/** Returns the words of a piece of label, without punctuation and weekday names. Pure. */
function leftoverWords(piece: string): string[] {
  return piece.split(/[\s\p{P}\p{S}]+/u).filter((w) => w !== '' && !WEEKDAYS.has(w.toLowerCase()));
}

/** Returns a word count in which each Chinese or Japanese character counts as a word. Pure. */
function countWords(words: readonly string[]): number {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
  return words.reduce((n, w) => n + Math.max(1, w.match(cjk)?.length ?? 0), 0);
}

/** Returns the ISO date for a year, month and day, or null without a year or for 2/30. Pure. */
function isoDate(year: number | null, month: number, day: number): string | null {
  if (year === null || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Returns a date text without an unpaired bracket or a comma it starts or ends with. Pure. */
function trimPunctuation(text: string): string {
  const trimmed = text.replace(/^[\s,，、]+|[\s,，、]+$/g, '');
  if (/^[(（]/.test(trimmed) && !/[)）]/.test(trimmed)) return trimPunctuation(trimmed.slice(1));
  if (/[)）]$/.test(trimmed) && !/[(（]/.test(trimmed))
    return trimPunctuation(trimmed.slice(0, -1));
  return trimmed;
}

/** Returns the long and short names Intl gives for weekdays or months in a locale. Pure. */
function intlNames(locale: string, field: 'weekday' | 'month', count: number): string[] {
  const names: string[] = [];
  for (const width of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(locale, { [field]: width, timeZone: 'UTC' });
    // 2000-01-02 is a Sunday; step by a day for weekdays, by a month for months.
    for (let i = 0; i < count; i++) {
      const date = field === 'weekday' ? Date.UTC(2000, 0, 2 + i) : Date.UTC(2000, i, 1);
      names.push(format.format(date));
    }
  }
  return [...new Set(names)];
}

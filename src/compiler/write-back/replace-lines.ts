/**
 * Line-exact edits of a notes file's bytes, for filling a gap from the reader: every byte
 * outside the replaced lines is kept (BOM, line endings, final newline), and the new lines take
 * the file's own line ending. Lines are counted as the compiler counts them (`\r\n`, `\r` or
 * `\n` ends one), from 1.
 */

const BOM = [0xef, 0xbb, 0xbf];
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** A file's text split into lines, each with the line ending that follows it ('' for the last). */
interface SplitText {
  bom: boolean;
  lines: string[];
  endings: string[];
}

function split(bytes: Uint8Array): SplitText {
  const bom = BOM.every((b, i) => bytes[i] === b);
  const text = decoder.decode(bom ? bytes.subarray(3) : bytes);
  const lines: string[] = [];
  const endings: string[] = [];
  const pattern = /\r\n|\r|\n/g;
  let at = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push(text.slice(at, match.index));
    endings.push(match[0]);
    at = match.index + match[0].length;
  }
  lines.push(text.slice(at));
  endings.push('');
  return { bom, lines, endings };
}

/** The line ending most of a file's lines use (`\n` for a file of one line). */
function usualEnding(endings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const e of endings) if (e !== '') counts.set(e, (counts.get(e) ?? 0) + 1);
  let best = '\n';
  for (const [e, n] of counts) if (n > (counts.get(best) ?? 0)) best = e;
  return best;
}

/** Returns the number of lines of a file as the compiler counts them. Pure. */
export function lineCount(bytes: Uint8Array): number {
  return split(bytes).lines.length;
}

/** Returns the text of lines `start`..`end` (inclusive, 1-based), joined with `\n`, no BOM. Pure. */
export function readLines(bytes: Uint8Array, start: number, end: number): string {
  return split(bytes)
    .lines.slice(start - 1, end)
    .join('\n');
}

/**
 * Returns new bytes with lines `start`..`end` (inclusive, 1-based) replaced by `text` (its lines
 * joined with the file's usual line ending; `\r\n`, `\r` and `\n` in it all count as line
 * breaks). The line ending after line `end` stays as it was, so a file without a final newline
 * still has none; an empty `text` removes the lines with one line ending. Every other byte is
 * kept. Throws a `RangeError` when the range is not inside the file. Pure.
 */
export function replaceLines(
  bytes: Uint8Array,
  start: number,
  end: number,
  text: string,
): Uint8Array {
  const file = split(bytes);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start)
    throw new RangeError(`Unexpected range ${start}-${end}, expected 1 <= start <= end`);
  if (end > file.lines.length)
    throw new RangeError(
      `Unexpected range ${start}-${end}, expected lines within the file's ${file.lines.length}`,
    );
  const eol = usualEnding(file.endings);
  const before = joinLines(file, 0, start - 1);
  const after = joinLines(file, end, file.lines.length);
  const ending = file.endings[end - 1]!;
  let middle: string;
  if (text === '') {
    // Removing lines: drop them and the ending after them (or, at the end, the one before).
    middle = '';
    const out =
      after === '' && ending === '' && before !== ''
        ? before.slice(0, before.length - file.endings[start - 2]!.length)
        : before + after;
    return encode(file.bom, out);
  }
  middle = text.split(/\r\n|\r|\n/).join(eol) + ending;
  return encode(file.bom, before + middle + after);
}

/** Lines `from`..`to` (0-based, end exclusive), each with its own ending. */
function joinLines(file: SplitText, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += file.lines[i]! + file.endings[i]!;
  return out;
}

function encode(bom: boolean, text: string): Uint8Array {
  const body = encoder.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(BOM);
  out.set(body, 3);
  return out;
}

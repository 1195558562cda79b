import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

/** One option of a command, as `util.parseArgs` takes it plus what `--help` says about it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What the value is, for help and errors (`<dir>`); string options only. */
  value?: string;
  /** The help line. */
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed values of `T`'s options: a string or a boolean each, absent when not given. */
export type OptionValues<T extends OptionSpecs> = {
  [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedArgs<T extends OptionSpecs> {
  values: OptionValues<T>;
  positionals: string[];
}

/** What a command accepts besides its options. */
export interface ArgsShape {
  /** Most positional arguments accepted (0 or 1 here). */
  positionals: number;
  /** What the positional is, for errors (`folder`). */
  positionalName?: string;
}

/**
 * Returns the options and positionals of `argv` as parsed by Node's `util.parseArgs`, or a message
 * in the "Unexpected `x`, expected `y`" form: an unknown option names the closest known one, a
 * string option needs a value, a boolean option takes none, and no more positionals than `shape`
 * allows. Mutates nothing.
 */
export function parseCommandArgs<T extends OptionSpecs>(
  argv: readonly string[],
  options: T,
  shape: ArgsShape,
): ParsedArgs<T> | string {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  // Tokens first, leniently: they say which option was wrong and how, where the strict parse
  // only throws a sentence of its own.
  const { tokens } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const problem = optionProblem(token, options);
    if (problem) return problem;
  }
  if (positionals.length > shape.positionals) {
    const extra = positionals[shape.positionals]!;
    return shape.positionals === 0
      ? `Unexpected \`${extra}\`, expected only options`
      : `Unexpected \`${extra}\` after \`${positionals[0]}\`, expected one ${shape.positionalName ?? 'argument'}`;
  }
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: true,
    });
    return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
  } catch (error) {
    // Every case the strict parse rejects is caught above; this is a safety net, not a path.
    return `Unexpected arguments, expected valid options: ${(error as Error).message}`;
  }
}

type OptionToken = Extract<ReturnType<typeof parseArgs>['tokens'], unknown[]>[number] & {
  kind: 'option';
};

/** Returns what is wrong with one option token, or null. Mutates nothing. */
function optionProblem(token: OptionToken, options: OptionSpecs): string | null {
  const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
  if (!spec) return unknownOption(token.rawName, options);
  const flag = `--${token.name}`;
  if (spec.type === 'boolean') {
    return token.value === undefined
      ? null
      : `Unexpected \`${token.rawName}=${token.value}\`, expected \`${flag}\` with no value`;
  }
  const what = spec.value ?? '<value>';
  if (token.value === undefined)
    return `Unexpected end of arguments after \`${flag}\`, expected ${what}`;
  // `--out --json`: the lenient parse took the next option as the value.
  if (!token.inlineValue && token.value.startsWith('-')) {
    return `Unexpected \`${token.value}\` after \`${flag}\`, expected ${what} (or \`${flag}=${token.value}\`)`;
  }
  if (token.value === '') return `Unexpected empty \`${flag}\`, expected ${what}`;
  return null;
}

/**
 * Returns the message for an option no command knows: the closest known one when it looks
 * like a slip of the keyboard, else the list. Mutates nothing.
 */
export function unknownOption(raw: string, options: OptionSpecs): string {
  const known = Object.keys(options).map((name) => `--${name}`);
  return `Unexpected \`${raw}\`, expected ${closestOf(raw, known)}`;
}

/**
 * Returns "`near`" when one of `known` is within a typo of `given` (2 edits, or a third of its
 * length, dashes aside) or `given` starts with it (`--outdir`), else "one of `a`, `b`…".
 * Mutates nothing.
 */
export function closestOf(given: string, known: readonly string[]): string {
  const bare = (name: string) => name.replace(/^-+/, '');
  const prefixed = known.find((k) => bare(given).startsWith(bare(k)));
  const near = prefixed ?? closest(given, [...known]);
  const typo = Math.max(2, Math.floor(bare(near).length / 3));
  const close = prefixed !== undefined || distance(bare(given), bare(near)) <= typo;
  return close ? `\`${near}\`` : `one of ${known.map((k) => `\`${k}\``).join(', ')}`;
}

import type { OptionSpecs } from './args.ts';
import type { Command } from './commands.ts';

const BIN = 'conference-notes';

/** Help lines are wrapped to fit an 80-column terminal. */
const WIDTH = 80;

/**
 * Returns `text` broken at spaces into lines of at most `width` characters (a longer word gets
 * a line of its own), each after `indent` spaces but the first, which starts after `first`. Pure.
 */
export function wrap(text: string, width = WIDTH, indent = 0, first = indent): string[] {
  const lines: string[] = [];
  let line = '';
  let room = width - first;
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = '';
      room = width - indent;
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
}

/** Returns rows as two aligned columns, indented by two spaces, the right one wrapped. Pure. */
function columns(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(
    ([left, right]) => `  ${left.padEnd(width)}${wrap(right, WIDTH, width + 2).join('\n')}`,
  );
}

/** Returns the help rows of options: `-h, --help`, `--out <dir>`. Pure. */
function optionRows(options: OptionSpecs): [string, string][] {
  return Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return [flag, o.description];
  });
}

/** Returns the exit-code lines of a command. Pure. */
function exitCodeRows(codes: Command['exitCodes']): [string, string][] {
  return [
    ['0', codes[0]],
    ['1', codes[1]],
    ['2', 'wrong usage: an unknown option, a missing value, an argument too many'],
  ];
}

/** Returns the `--help` text of a command. Pure. */
export function commandHelp(command: Command): string {
  const argument = command.argument ? ` [${command.argument.name}]` : '';
  return [
    `Usage: ${BIN} ${command.name}${argument} [options]`,
    '',
    ...wrap(command.description),
    '',
    ...(command.argument
      ? ['Arguments:', ...columns([[command.argument.name, command.argument.description]]), '']
      : []),
    'Options:',
    ...columns(optionRows(command.options)),
    '',
    'Examples:',
    ...command.examples.flatMap(([line, what]) => [`  ${line}`, `      ${what}`]),
    '',
    'Exit codes:',
    ...columns(exitCodeRows(command.exitCodes)),
    '',
  ].join('\n');
}

/** Returns the `conference-notes --help` text. Pure. */
export function mainHelp(commands: readonly Command[], version: string): string {
  return [
    `${BIN} ${version}: read your Markdown notes of conference talks, and see what is left to fill in.`,
    '',
    `Usage: ${BIN} <command> [folder] [options]`,
    '',
    'Commands:',
    ...columns(
      commands.map((c) => [`${c.name}${c.argument ? ` [${c.argument.name}]` : ''}`, c.summary]),
    ),
    '',
    'The notes folder defaults to $NOTES_DIR, else ./notes when it exists, else the current folder.',
    '',
    'Options:',
    ...columns([
      ['-h, --help', `show this help; \`${BIN} <command> --help\` shows a command's`],
      ['-v, --version', 'print the version'],
    ]),
    '',
    'Examples:',
    `  ${BIN} dev ~/notes`,
    `      the reader over ~/notes, at http://localhost:5173`,
    `  ${BIN} build ~/notes --out site --base /notes/`,
    `      a static site in ./site, to serve from /notes/`,
    '',
    'Exit codes:',
    ...columns([
      ['0', 'done'],
      ['1', 'gaps left with `gaps --strict`, errors in the notes, or the command failed'],
      ['2', 'wrong usage: an unknown command or option, a missing value'],
    ]),
    '',
  ].join('\n');
}

/**
 * `conference-notes <command>`: the reader's command line (bin/conference-notes.mjs starts it;
 * the npm scripts dev, build, preview, gaps and data call the same bin).
 */
import { readFileSync } from 'node:fs';
import { closestOf, parseCommandArgs, unknownOption, type OptionSpecs } from './args.ts';
import { COMMANDS } from './commands.ts';
import { commandHelp, mainHelp } from './help.ts';
import type { CommandContext } from './notes-folder.ts';

const BIN = 'conference-notes';

/** The options of `conference-notes` itself, before any command. */
const MAIN_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', short: 'v', description: 'print the version' },
};

/** Returns the package's version (package.json). Reads it. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version: unknown }).version);
}

/** Writes a usage error and where to read more to stderr; returns exit code 2. */
function usage(prefix: string, message: string, help: string): number {
  process.stderr.write(`${prefix}: ${message}\nRun \`${help}\` for usage.\n`);
  return 2;
}

/**
 * Runs `conference-notes` with the arguments after the program name and returns the exit code:
 * 0 done, 1 gaps with `--strict` or errors in the notes (or the command failed), 2 usage.
 * Writes stdout and stderr; a command like `dev` returns only once its server is stopped.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(mainHelp(COMMANDS, version()));
    return 2;
  }
  if (first.startsWith('-')) {
    if (first === '--help' || first === '-h') return print(mainHelp(COMMANDS, version()));
    if (first === '--version' || first === '-v') return print(`${version()}\n`);
    return usage(BIN, unknownOption(first, MAIN_OPTIONS), `${BIN} --help`);
  }
  if (first === 'help') return help(rest);
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const names = COMMANDS.map((c) => c.name);
    return usage(
      BIN,
      `Unexpected command \`${first}\`, expected ${closestOf(first, names)}`,
      `${BIN} --help`,
    );
  }
  const prefix = `${BIN} ${command.name}`;
  const args = parseCommandArgs(rest, command.options, {
    positionals: command.argument ? 1 : 0,
    positionalName: command.argument?.name,
  });
  if (typeof args === 'string') return usage(prefix, args, `${prefix} --help`);
  if (args.values.help) return print(commandHelp(command));
  const context: CommandContext = {
    cwd: process.cwd(),
    env: process.env,
    error: (message) => process.stderr.write(`${prefix}: ${message}\n`),
  };
  try {
    return await command.run(args, context);
  } catch (error) {
    // A failure of the command itself (a build step, a server that cannot start): one line, no
    // stack trace, for a person to act on.
    context.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** `conference-notes help [command]`: the same as `--help`. */
function help(rest: readonly string[]): number {
  const [name] = rest;
  if (name === undefined) return print(mainHelp(COMMANDS, version()));
  const command = COMMANDS.find((c) => c.name === name);
  if (command && rest.length === 1) return print(commandHelp(command));
  const names = COMMANDS.map((c) => c.name);
  const wrong = command ? rest[1]! : name;
  return usage(
    `${BIN} help`,
    `Unexpected \`${wrong}\`, expected ${closestOf(wrong, names)}`,
    `${BIN} --help`,
  );
}

/** Writes `text` to stdout; returns exit code 0. */
function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

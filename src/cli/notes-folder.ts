import { existsSync } from 'node:fs';
import path from 'node:path';
import { terminalPath } from '../compiler/compile-notes.ts';

/** Where a command runs: its folder, environment and error output. */
export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Writes `conference-notes <command>: <message>` to stderr. */
  error: (message: string) => void;
}

/**
 * Returns the notes folder (or file) a command works on, absolute: the one given (as the
 * argument or `--notes`), else env NOTES_DIR, else `./notes` when it exists, else the current
 * folder. Reads the file system (exists); mutates nothing.
 */
export function notesTarget(given: string | undefined, context: CommandContext): string {
  if (given) return path.resolve(context.cwd, given);
  if (context.env.NOTES_DIR) return path.resolve(context.cwd, context.env.NOTES_DIR);
  const notes = path.join(context.cwd, 'notes');
  return existsSync(notes) ? notes : context.cwd;
}

/**
 * Returns the one notes path given as the argument or as `--notes`, or a message when both are.
 * Mutates nothing.
 */
export function givenNotes(positionals: readonly string[], option: string | undefined) {
  const [argument] = positionals;
  if (argument !== undefined && option !== undefined) {
    return {
      error: `Unexpected \`--notes ${option}\` after \`${argument}\`, expected the notes folder once`,
    };
  }
  return { given: argument ?? option };
}

/**
 * Returns the message for a notes target that does not exist, in the compiler's words
 * (`compileNotes`), or null when it exists. Reads the file system; mutates nothing.
 */
export function missingNotes(target: string, cwd: string): string | null {
  if (existsSync(target)) return null;
  return `${terminalPath(target, '.', cwd)}: Unexpected missing notes folder, expected a folder of .md files or one .md file`;
}

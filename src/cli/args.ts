/** Parsed command-line flags of the compiler's commands. */
export interface CliArgs {
  notes: string;
  out: string;
  json: boolean;
  strict: boolean;
  explain: boolean;
}

/**
 * Returns the flags of `argv` (`--notes <dir|file>`, `--out <dir>`, `--json`, `--strict`, `--explain`, also
 * `--notes=<x>`), defaults from env NOTES_DIR / `notes` and `public/data`; or an error message
 * in the "Unexpected `x`, expected y" form. Mutates nothing.
 */
export function parseArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  allowed: readonly string[],
): CliArgs | string {
  const args: CliArgs = {
    notes: env.NOTES_DIR || 'notes',
    out: 'public/data',
    json: false,
    strict: false,
    explain: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] =
      raw.startsWith('--') && raw.includes('=')
        ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
        : [raw, undefined];
    if (!allowed.includes(flag))
      return `Unexpected \`${raw}\`, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`;
    if (flag === '--json' || flag === '--strict' || flag === '--explain') {
      args[flag.slice(2) as 'json' | 'strict' | 'explain'] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '')
      return `Unexpected end of arguments after \`${flag}\`, expected a path`;
    if (flag === '--notes') args.notes = value;
    else args.out = value;
  }
  return args;
}

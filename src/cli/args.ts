// Command-line argument parsing for the CLI: `--name value` and `--name=value` pairs after a
// subcommand, checked against the options the subcommand knows.
export interface ParsedArgs {
  command: string | null;
  options: Map<string, string>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(
  argv: readonly string[],
  known: ReadonlySet<string>,
  flags: ReadonlySet<string> = new Set(),
): ParsedArgs {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!known.has(name) && !flags.has(name)) throw new UsageError(`unknown option --${name}`);
      if (flags.has(name)) {
        options.set(name, 'true');
        continue;
      }
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--')))
        throw new UsageError(`option --${name} needs a value`);
      options.set(name, value);
    } else if (command === null) command = arg;
    else positionals.push(arg);
  }
  return { command, options, positionals };
}

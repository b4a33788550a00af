// The CLI's own small argument reader: positionals, `--name value` options and `--flag` switches, each
// command declaring which it takes; anything else is a usage error (exit 2).
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | undefined>;
  flags: Set<string>;
}

export function parseArgs(
  command: string,
  argv: string[],
  spec: { options?: readonly string[]; flags?: readonly string[]; maxPositionals?: number },
): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (spec.flags?.includes(name)) parsed.flags.add(name);
    else if (spec.options?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${command}: ${name} needs a value`);
      parsed.options[name] = value;
    } else throw new UsageError(`${command}: unknown option ${name}`);
  }
  if (parsed.positionals.length > (spec.maxPositionals ?? 0))
    throw new UsageError(`${command}: unexpected argument ${parsed.positionals[spec.maxPositionals ?? 0]}`);
  return parsed;
}

/** `--name value` from raw arguments (the verifiable-log commands read their options this way). */
export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full text of `<command> --help`. */
  help: string;
  run(args: string[]): Promise<number>;
}

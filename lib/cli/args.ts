import { parseArgs as parseNodeArgs } from "node:util";

/**
 * The `pillars` CLI's arguments, read by Node's `util.parseArgs` in strict mode against the options each
 * command declares: `--name value`, `--name=value`, `--flag`, and the command's operands (FILE). An
 * option the command does not take, a missing value or a value given to a flag is a CliError naming it,
 * with the command's usage.
 */
export type CliOptions = Record<string, { type: "string" | "boolean" }>;

export interface CommandSpec {
  /** What follows `npm run pillars --`, e.g. `user create --email EMAIL …`. */
  usage: string;
  options: CliOptions;
  /** How many operands may follow the command's words (FILE): none unless said. */
  operands?: number;
}

export interface ParsedArgs {
  /** The operands, after the command's words. */
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
  /** The command's usage line, for the errors its own checks raise. */
  usage: string;
}

export class CliError extends Error {
  constructor(
    message: string,
    /** Printed under the message when the mistake is in how the command was called: its usage. */
    readonly usage?: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageLine = (spec: CommandSpec) => `Usage: npm run pillars -- ${spec.usage}`;

/** The command named by the first one or two words of `argv` (`user create`, `import`), and the words after them. */
export function findCommand<C extends CommandSpec>(commands: Record<string, C>, argv: string[]): { command: C; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    if (argv.length >= words && Object.hasOwn(commands, name)) return { command: commands[name]!, rest: argv.slice(words) };
  }
  return null;
}

/** Reads the words after a command's name against its options. `--help`/`-h` is every command's. */
export function parseArgs(argv: string[], spec: CommandSpec): ParsedArgs {
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: argv, options: { ...spec.options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(describe(error), usageLine(spec));
  }
  const extra = parsed.positionals[spec.operands ?? 0];
  if (extra !== undefined) throw new CliError(`Unexpected argument "${extra}".`, usageLine(spec));
  return { positionals: parsed.positionals, flags: parsed.values as ParsedArgs["flags"], usage: usageLine(spec) };
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = args.flags[name];
  if (typeof v !== "string" || v.trim() === "") throw new CliError(`--${name} is required`, args.usage);
  return v.trim();
}

export function optionalFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === "string" ? v.trim() || undefined : undefined;
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

/** Node's parse errors, in the words of this CLI (Node's own speak of `'-h, --help' <value>`). */
function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(?:-\w, )?(--?[^\s',]+)/.exec(message)?.[1];
  if (!option) return message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Unknown option ${option}.`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/argument missing/.test(message)) return `${option} needs a value.`;
    if (/does not take an argument/.test(message)) return `${option} takes no value.`;
    if (/ambiguous/.test(message)) return `${option} needs a value. To give one that starts with "-", write ${option}=VALUE.`;
  }
  return message;
}

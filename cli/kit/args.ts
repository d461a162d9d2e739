/**
 * One argument parser for every command: node's util.parseArgs in strict mode (unknown flags are
 * refused, a value flag without its value is refused), with its errors rewritten as one line that
 * names the flag and lists the known ones.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "./errors";

export type Options = NonNullable<ParseArgsConfig["options"]>;

function flagIn(message: string): string | undefined {
  return /'(--?[\w-]+)/.exec(message)?.[1];
}

function describe(error: unknown, argv: readonly string[], options: Options): string {
  const known = Object.keys(options).map((name) => `--${name}`);
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = argv.find((arg) => arg.startsWith("-") && arg !== "-" && arg !== "--" && !known.includes(arg.split("=")[0])) ?? flagIn(message);
    return `unknown flag "${flag?.split("=")[0]}" (known: ${known.join(", ")})`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = flagIn(message);
    return /does not take an argument/.test(message) ? `flag ${flag} takes no value` : `flag ${flag} needs a value`;
  }
  return message.split("\n")[0];
}

/**
 * `--flag value`, `--flag=value`, bare switches and positionals (everything after `--` is one).
 * Throws `UserError` for an unknown flag, a value flag without a value (also `--flag=`), or a
 * switch given a value.
 */
export function parseCommandLine<const O extends Options>(argv: readonly string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(describe(error, argv, options));
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === "") throw new UserError(`flag --${name} needs a value`);
  }
  return parsed;
}

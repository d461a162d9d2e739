/**
 * What both review CLIs share: flag parsing with one-line errors, output format, and the rule that an
 * error is one line naming what was wrong (never a stack trace in a CI log or a PR).
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { UserError } from "./errors";
import { renderMarkdown } from "./render-markdown";
import { exitCodeFor, reportToJson, type Report } from "./report";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where relative paths and the git repository are looked up. */
  readonly cwd: string;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string>>;
  readonly switches: ReadonlySet<string>;
}

/** `--flag value`, `--flag=value` and bare switches; anything else starting with `-` is refused. */
export function parseArgs(argv: readonly string[], valueFlags: readonly string[], switchFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (valueFlags.includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UserError(`flag ${flag} needs a value`);
      values[flag] = value;
    } else if (switchFlags.includes(flag) && inline === undefined) {
      switches.add(flag);
    } else {
      throw new UserError(`unknown flag "${flag}" (known: ${[...valueFlags, ...switchFlags].join(", ")})`);
    }
  }
  return { positionals, values, switches };
}

export type OutputFormat = "markdown" | "json";

export function outputFormat(args: ParsedArgs): OutputFormat {
  const format = args.values["--format"] ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new UserError(`unknown --format "${format}" (use markdown or json)`);
  return format;
}

/** Prints the report and returns the exit code: 0 nothing destructive (or allowed), 2 destructive. */
export function emitReport(report: Report, format: OutputFormat, allowDestroy: boolean, io: Io): number {
  io.stdout(format === "json" ? `${reportToJson(report, allowDestroy)}\n` : renderMarkdown(report));
  return exitCodeFor(report, allowDestroy);
}

/** Runs a CLI body; any error becomes one line on stderr and exit code 1. */
export async function runGuarded(tool: string, io: Io, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const prefix = error instanceof UserError ? "" : "unexpected error: ";
    io.stderr(`${tool}: ${prefix}${message.split("\n")[0]}\n`);
    return 1;
  }
}

/** True when this module is the script node was started with (not imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

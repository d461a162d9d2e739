/**
 * What `review` and `plan-summary` share on the way out: the report's format flag and the exit code
 * rule (0 nothing destructive or allowed, 2 destructive).
 */
import type { Io } from "../kit/io";
import { UserError } from "../kit/errors";
import { renderMarkdown } from "./render-markdown";
import { exitCodeFor, reportToJson, type Report } from "./report";

export type OutputFormat = "markdown" | "json";

/** The flags both report commands take, for `parseCommandLine`. */
export const REPORT_OPTIONS = {
  format: { type: "string" },
  "allow-destroy": { type: "boolean" },
  help: { type: "boolean" },
} as const;

export function outputFormat(format: string | undefined): OutputFormat {
  const chosen = format ?? "markdown";
  if (chosen !== "markdown" && chosen !== "json") throw new UserError(`unknown --format "${chosen}" (use markdown or json)`);
  return chosen;
}

/** Prints the report and returns the exit code: 0 nothing destructive (or allowed), 2 destructive. */
export function emitReport(report: Report, format: OutputFormat, allowDestroy: boolean, io: Io): number {
  io.stdout(format === "json" ? `${reportToJson(report, allowDestroy)}\n` : renderMarkdown(report));
  return exitCodeFor(report, allowDestroy);
}

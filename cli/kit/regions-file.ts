/**
 * A command's way into a typed config: config/load.ts reads and validates the file, and its
 * problems become a `UserError` (every located line, then the command's verdict). Which file is
 * read is decided in config/regions-file.ts, the same way synth decides it.
 */
import { loadRegionsConfig } from "../../config/load";
import { ConfigError, UnreadableConfigError } from "../../config/problems";
import type { RegionsConfig } from "../../config/schema/regions";
import { UserError } from "./errors";

/** Reads and validates a regions file; a `UserError` with every problem, and `verdict` as its message. */
export function readValidConfig(file: string, verdict: (problems: number) => string): RegionsConfig {
  try {
    return loadRegionsConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(verdict(error.lines.length), error.lines);
    if (error instanceof UnreadableConfigError) throw new UserError(error.message);
    throw error;
  }
}

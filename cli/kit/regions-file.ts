/**
 * Which regions file a command reads, the same way for every command and for synth (main.ts): the
 * path the user gave the command, else $REGIONS_FILE, else regions.yaml in the working directory.
 */
import { validateRegionsText } from "../../config/load";
import { readConfigFile } from "../../config/source";
import { UserError } from "./errors";

export const DEFAULT_REGIONS_FILE = "regions.yaml";

export function selectRegionsFile(pathArgument: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  return pathArgument ?? env.REGIONS_FILE ?? DEFAULT_REGIONS_FILE;
}

/** Reads and validates a regions file; a `UserError` with every problem, and `verdict` as its message. */
export function readValidConfig(file: string, verdict: (problems: number) => string) {
  let text: string;
  try {
    text = readConfigFile(file);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const result = validateRegionsText(file, text);
  if (!result.ok) throw new UserError(verdict(result.errors.length), result.errors);
  return result.config;
}

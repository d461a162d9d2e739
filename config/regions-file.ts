/**
 * Which regions file is read, the same way by synth (main.ts) and by every command: the path the
 * user gave the command, else $REGIONS_FILE, else regions.yaml in the working directory.
 */
export const DEFAULT_REGIONS_FILE = "regions.yaml";

export function selectRegionsFile(pathArgument: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  return pathArgument ?? env.REGIONS_FILE ?? DEFAULT_REGIONS_FILE;
}

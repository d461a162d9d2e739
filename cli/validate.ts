/**
 * `npm run validate [-- path]`: checks a regions file without synthesizing anything and prints a
 * one-line summary, or every problem (file:line:col path: expected…, found…) and exits 1.
 */
import { validateRegionsText } from "../config/load";
import { readConfigFile } from "../config/source";
import { workspaceSpecs } from "../lib/workspaces";
import { stackNames } from "../stacks/compose";

export function validateCommand(args: readonly string[]): { code: number; out: string } {
  const flags = args.filter((arg) => arg.startsWith("-"));
  if (flags.length || args.length > 1) {
    const what = flags.length ? `unknown option ${flags[0]}` : `expected one file, found ${args.length}`;
    return { code: 1, out: `validate: ${what}\nusage: npm run validate [-- path/to/regions.yaml]\n` };
  }
  const file = args[0] ?? process.env.REGIONS_FILE ?? "regions.yaml";
  let text: string;
  try {
    text = readConfigFile(file);
  } catch (error) {
    return { code: 1, out: `${(error as Error).message}\n` };
  }
  const result = validateRegionsText(file, text);
  if (!result.ok) return { code: 1, out: `${result.errors.join("\n")}\n${file}: ${result.errors.length} problem(s)\n` };
  const { config } = result;
  const workspaces = workspaceSpecs(config).length;
  const stacks = stackNames(config).length;
  return {
    code: 0,
    out: `${file}: ok: ${config.regions.length} regions, ${workspaces} workspaces, ${stacks} stacks\n`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, out } = validateCommand(process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(out);
  process.exitCode = code;
}

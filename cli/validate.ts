/**
 * `npm run validate [-- path]`: checks a regions file without synthesizing anything and prints a
 * one-line summary, or every problem (file:line:col path: expected…, found…) and exits 1.
 * The file: the path given, else $REGIONS_FILE, else regions.yaml.
 */
import { workspaceSpecs } from "../lib/workspaces";
import { stackNames } from "../stacks/compose";
import { parseCommandLine } from "./kit/args";
import { isEntryPoint } from "./kit/entry";
import { UserError } from "./kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "./kit/io";
import { readValidConfig, selectRegionsFile } from "./kit/regions-file";

const USAGE = "usage: npm run validate [-- path/to/regions.yaml]";

export function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("validate", io, () => {
    const { values, positionals } = parseCommandLine(argv, { help: { type: "boolean" } });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new UserError(`expected one file, found ${positionals.length}; ${USAGE}`);
    const file = selectRegionsFile(positionals[0], io.env);
    const config = readValidConfig(file, (problems) => `${file}: ${problems} problem(s)`);
    const workspaces = workspaceSpecs(config).length;
    const stacks = stackNames(config).length;
    io.stdout(`${file}: ok: ${config.regions.length} regions, ${workspaces} workspaces, ${stacks} stacks\n`);
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);

/**
 * npm run onboard -- --region <aws-region> [--azs a,b,c] [--file regions.yaml] [--dry-run]
 *
 * The file: --file, else $REGIONS_FILE, else regions.yaml (as every command and synth pick it).
 * Appends a region to the regions file: AZs from the table in availability-zones.ts (or --azs), one VPC
 * CIDR per environment from `network.addressPool`, every other byte of the file untouched. The result
 * is validated before anything is written; --dry-run prints the diff instead of writing.
 * Exit codes: 0 done (or dry run), 1 nothing written (bad flag, known or unsupported region, pool
 * exhausted, a file that does not validate).
 */
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, basename, relative, resolve } from "node:path";
import { parseCommandLine } from "../kit/args";
import { isEntryPoint } from "../kit/entry";
import { UserError } from "../kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "../kit/io";
import { selectRegionsFile } from "../../config/regions-file";
import { planOnboarding, type OnboardPlan } from "./onboard";
import { unifiedDiff } from "./unified-diff";

const USAGE = "usage: npm run onboard -- --region <aws-region> [--azs a,b,c] [--file regions.yaml] [--dry-run]";

function readRegionsFile(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${shown}: ${code === "ENOENT" ? "no such file" : code ?? String(error)}`);
  }
}

/** Write beside the file, then rename: a crash never leaves half a regions file. */
function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.onboard-${process.pid}`);
  writeFileSync(temp, text, { mode: statSync(path).mode });
  renameSync(temp, path);
}

function summary(plan: OnboardPlan, shown: string, written: boolean): string {
  const { entry } = plan;
  const lines = [
    `${written ? "Added" : "Would add"} ${entry.region} to ${shown}:`,
    `  availability zones: ${entry.availabilityZones.join(", ")}`,
    ...(plan.zoneNote ? [`  note: ${plan.zoneNote}`] : []),
    ...Object.entries(entry.vpcCidrs).map(([environment, cidr]) => `  ${environment} VPC: ${cidr} (first free /${plan.netmask} in ${plan.pool})`),
    "",
    `Stacks that will appear (${plan.addedStacks.length}):`,
    ...plan.addedStacks.map((name) => `  ${name}`),
    "",
    written ? "Next:" : "Next, after running without --dry-run:",
    ...plan.nextCommands.map((command) => `  ${command}`),
  ];
  return `${lines.join("\n")}\n`;
}

const OPTIONS = {
  region: { type: "string" },
  azs: { type: "string" },
  file: { type: "string" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean" },
} as const;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("onboard", io, () => {
    const { values, positionals } = parseCommandLine(argv, OPTIONS);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new UserError(`unexpected argument "${positionals[0]}"; ${USAGE}`);
    const region = values.region;
    if (region === undefined) throw new UserError(`--region is required; ${USAGE}`);
    const path = resolve(io.cwd, selectRegionsFile(values.file, io.env));
    const shown = relative(io.cwd, path) || path;
    const text = readRegionsFile(path, shown);

    const plan = planOnboarding({ file: shown, path, text, region, azs: values.azs });
    const dryRun = values["dry-run"] === true;
    if (dryRun) {
      io.stdout(unifiedDiff(shown, text, plan.newText));
      io.stdout("\n");
    } else {
      writeAtomically(path, plan.newText);
    }
    io.stdout(summary(plan, shown, !dryRun));
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);

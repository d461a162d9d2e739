/**
 * npm run plan-summary -- <plan.json>... [--format markdown|json] [--allow-destroy]
 *
 * Summarizes `terraform show -json <planfile>` output, one file per stack (stack = file name without
 * .json, or the folder name for `<stack>/plan.json`), in the same PR-comment shape as `review`.
 * Exit codes: 0 nothing replaced or deleted, 2 something is (unless --allow-destroy), 1 error.
 */
import { resolve } from "node:path";
import { emitReport, isEntryPoint, outputFormat, parseArgs, processIo, runGuarded, type Io } from "../review/cli-support";
import { UserError } from "../review/errors";
import { loadPlanFile } from "./plan-file";
import { planReport } from "./plan-report";

const USAGE = "usage: npm run plan-summary -- <plan.json>... [--format markdown|json] [--allow-destroy]";

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  return runGuarded("plan-summary", io, () => {
    const args = parseArgs(argv, ["--format"], ["--allow-destroy", "--help"]);
    if (args.switches.has("--help")) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = outputFormat(args);
    if (!args.positionals.length) throw new UserError(`no plan files given; ${USAGE}`);
    const plans = args.positionals.map((file) => loadPlanFile(resolve(io.cwd, file)));
    return emitReport(planReport(plans), format, args.switches.has("--allow-destroy"), io);
  });
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

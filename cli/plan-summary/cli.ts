/**
 * npm run plan-summary -- <plan.json>... [--format markdown|json] [--allow-destroy]
 *
 * Summarizes `terraform show -json <planfile>` output, one file per stack (stack = file name without
 * .json, or the folder name for `<stack>/plan.json`), in the same PR-comment shape as `review`.
 * Exit codes: 0 nothing replaced or deleted, 2 something is (unless --allow-destroy), 1 error.
 */
import { resolve } from "node:path";
import { parseCommandLine } from "../kit/args";
import { isEntryPoint } from "../kit/entry";
import { UserError } from "../kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "../kit/io";
import { emitReport, outputFormat, REPORT_OPTIONS } from "../review/report-output";
import { loadPlanFile } from "./plan-file";
import { planReport } from "./plan-report";

const USAGE = "usage: npm run plan-summary -- <plan.json>... [--format markdown|json] [--allow-destroy]";

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("plan-summary", io, () => {
    const { values, positionals } = parseCommandLine(argv, REPORT_OPTIONS);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = outputFormat(values.format);
    if (!positionals.length) throw new UserError(`no plan files given; ${USAGE}`);
    const plans = positionals.map((file) => loadPlanFile(resolve(io.cwd, file)));
    return emitReport(planReport(plans), format, values["allow-destroy"] === true, io);
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);

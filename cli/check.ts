/**
 * `npm run check [-- path] [--report file] | npm run check -- --docs`: runs the build pipeline synth
 * runs (app/gate.ts: synthesize, then the guardrail rule pack) on a regions file without writing
 * any stack, prints a table of findings, writes a JSON report (check-report.json) and exits 1 on any
 * unsuppressed error. The file: the path given, else $REGIONS_FILE, else regions.yaml. `--docs`
 * instead regenerates the rule table in docs/guardrails.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { synthWithGuardrails } from "../app/gate";
import { withRuleTable } from "../rules/docs";
import { RULE_PACK } from "../rules/pack";
import { checkReport, findingsTable, summarize } from "./check/report";
import { parseCommandLine } from "./kit/args";
import { isEntryPoint } from "./kit/entry";
import { UserError } from "./kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "./kit/io";
import { selectRegionsFile } from "../config/regions-file";
import { readValidConfig } from "./kit/regions-file";

export const GUARDRAILS_DOC = "docs/guardrails.md";
const USAGE = "usage: npm run check [-- path/to/regions.yaml] [--report path/to/report.json] | npm run check -- --docs";

const OPTIONS = {
  report: { type: "string", default: "check-report.json" },
  docs: { type: "boolean" },
  help: { type: "boolean" },
} as const;

function regenerateDocs(io: Io): number {
  const current = readFileSync(GUARDRAILS_DOC, "utf8");
  const updated = withRuleTable(current, RULE_PACK);
  if (updated === current) {
    io.stdout(`${GUARDRAILS_DOC}: rule table up to date (${RULE_PACK.length} rules)\n`);
    return 0;
  }
  writeFileSync(GUARDRAILS_DOC, updated);
  io.stdout(`${GUARDRAILS_DOC}: rule table regenerated (${RULE_PACK.length} rules)\n`);
  return 0;
}

export function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("check", io, () => {
    const { values, positionals } = parseCommandLine(argv, OPTIONS);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new UserError(`expected one file, found ${positionals.length}; ${USAGE}`);
    if (values.docs) return regenerateDocs(io);
    const regionsFile = selectRegionsFile(positionals[0], io.env);
    const config = readValidConfig(regionsFile, () => `${regionsFile}: nothing was checked`);
    const { findings, stacks } = synthWithGuardrails(config, { configFile: regionsFile });
    writeFileSync(values.report, `${JSON.stringify(checkReport(regionsFile, stacks, RULE_PACK, findings), null, 2)}\n`);
    const { errors, warnings, suppressed } = summarize(findings);
    const table = findings.length ? `${findingsTable(findings)}\n\n` : "";
    const summary = `${regionsFile}: ${stacks.length} stacks, ${RULE_PACK.length} rules: ${errors} error(s), ${warnings} warning(s), ${suppressed} suppressed. Report: ${values.report}\n`;
    (errors ? io.stderr : io.stdout)(`${table}${summary}`);
    return errors ? 1 : 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);

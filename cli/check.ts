/**
 * `npm run check [-- path] [--report file] | npm run check -- --docs`: runs the build pipeline synth
 * runs (app/gate.ts: synthesize, then the guardrail rule pack) on a regions file without writing
 * any stack, prints a table of findings, writes a JSON report (check-report.json) and exits 1 on any
 * unsuppressed error. The file: the path given, else $REGIONS_FILE, else regions.yaml. `--docs`
 * instead regenerates the generated tables of the docs: the rule table in docs/guardrails.md, and
 * the data-access tables in docs/data-access.md from the shipped regions.yaml (the docs describe it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { synthWithGuardrails } from "../app/gate";
import { withRuleTable } from "../rules/docs";
import { withDataAccessTables } from "./data-access-doc";
import { RULE_PACK } from "../rules/pack";
import { checkReport, findingsTable, summarize } from "./check/report";
import { parseCommandLine } from "./kit/args";
import { isEntryPoint } from "./kit/entry";
import { UserError } from "./kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "./kit/io";
import { selectRegionsFile } from "../config/regions-file";
import { readValidConfig } from "./kit/regions-file";

export const GUARDRAILS_DOC = "docs/guardrails.md";
export const DATA_ACCESS_DOC = "docs/data-access.md";
/** The file docs/data-access.md describes, whatever REGIONS_FILE says. */
const SHIPPED_REGIONS_FILE = "regions.yaml";
const USAGE = "usage: npm run check [-- path/to/regions.yaml] [--report path/to/report.json] | npm run check -- --docs";

const OPTIONS = {
  report: { type: "string", default: "check-report.json" },
  docs: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** Rewrites `file` with `update` applied, and says whether it changed. */
function regenerate(io: Io, file: string, what: string, update: (doc: string) => string): void {
  const current = readFileSync(file, "utf8");
  const updated = update(current);
  if (updated !== current) writeFileSync(file, updated);
  io.stdout(`${file}: ${what} ${updated === current ? "up to date" : "regenerated"}\n`);
}

function regenerateDocs(io: Io): number {
  regenerate(io, GUARDRAILS_DOC, `rule table (${RULE_PACK.length} rules)`, (doc) => withRuleTable(doc, RULE_PACK));
  const config = readValidConfig(SHIPPED_REGIONS_FILE, () => `${DATA_ACCESS_DOC}: not regenerated`);
  regenerate(io, DATA_ACCESS_DOC, `data-access tables (from ${SHIPPED_REGIONS_FILE})`, (doc) => withDataAccessTables(doc, config));
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

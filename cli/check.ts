/**
 * `npm run check [-- --report path] [-- --docs]`: synthesizes the regions file ($REGIONS_FILE or
 * regions.yaml) into a temporary folder, runs the guardrail rule pack, prints a table of findings,
 * writes a JSON report (check-report.json) and exits 1 on any unsuppressed error. `--docs` instead
 * regenerates the rule table in README.md (Guardrails).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateRegionsText } from "../config/load";
import { readConfigFile } from "../config/source";
import { composeStacks } from "../stacks/compose";
import { withRuleTable } from "../rules/docs";
import { RULE_PACK } from "../rules/pack";
import { runPack } from "../rules/run";
import { makeStagingDir, synthesizeInto } from "../app/staging";
import { checkReport, findingsTable, summarize } from "./check/report";

export const GUARDRAILS_DOC = "README.md";
const USAGE = "usage: npm run check [-- --report path/to/report.json] | npm run check -- --docs\n";

type Options = { docs: boolean; report: string } | { problem: string };

function parseArgs(args: readonly string[]): Options {
  let docs = false;
  let report = "check-report.json";
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--docs") docs = true;
    else if (args[i] === "--report" && args[i + 1] && !args[i + 1].startsWith("-")) report = args[++i];
    else return { problem: args[i] === "--report" ? "--report needs a path" : `unknown option ${args[i]}` };
  }
  return { docs, report };
}

function regenerateDocs(): { code: number; out: string } {
  const current = readFileSync(GUARDRAILS_DOC, "utf8");
  const updated = withRuleTable(current, RULE_PACK);
  if (updated === current) return { code: 0, out: `${GUARDRAILS_DOC}: rule table up to date (${RULE_PACK.length} rules)\n` };
  writeFileSync(GUARDRAILS_DOC, updated);
  return { code: 0, out: `${GUARDRAILS_DOC}: rule table regenerated (${RULE_PACK.length} rules)\n` };
}

export function checkCommand(args: readonly string[], regionsFile = process.env.REGIONS_FILE ?? "regions.yaml"): { code: number; out: string } {
  const options = parseArgs(args);
  if ("problem" in options) return { code: 1, out: `check: ${options.problem}\n${USAGE}` };
  if (options.docs) return regenerateDocs();
  let text: string;
  try {
    text = readConfigFile(regionsFile);
  } catch (error) {
    return { code: 1, out: `${(error as Error).message}\n` };
  }
  const validation = validateRegionsText(regionsFile, text);
  if (!validation.ok) return { code: 1, out: `${validation.errors.join("\n")}\n${regionsFile}: nothing was checked\n` };
  const { config } = validation;
  const staging = makeStagingDir(join(tmpdir(), "guardrail-check"));
  let stacks: Map<string, unknown>;
  try {
    stacks = synthesizeInto(staging, (app) => void composeStacks(app, config));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const findings = runPack(stacks, config, { configFile: regionsFile });
  writeFileSync(options.report, `${JSON.stringify(checkReport(regionsFile, [...stacks.keys()], RULE_PACK, findings), null, 2)}\n`);
  const { errors, warnings, suppressed } = summarize(findings);
  const table = findings.length ? `${findingsTable(findings)}\n\n` : "";
  const summary = `${regionsFile}: ${stacks.size} stacks, ${RULE_PACK.length} rules: ${errors} error(s), ${warnings} warning(s), ${suppressed} suppressed. Report: ${options.report}\n`;
  return { code: errors ? 1 : 0, out: `${table}${summary}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, out } = checkCommand(process.argv.slice(2));
  (code === 0 ? process.stdout : process.stderr).write(out);
  process.exitCode = code;
}

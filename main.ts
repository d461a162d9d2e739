/**
 * App entry: load → validate → build → guardrails. regions.yaml (or $REGIONS_FILE) is read and
 * checked in full before the first construct exists, and the synthesized stacks reach the output
 * folder only when the guardrail rule pack passes, so a bad file or a broken guardrail writes nothing.
 */
import { ConfigError } from "./config/problems";
import { loadRegionsConfig } from "./config/load";
import { withCheapStackTraces } from "./app/cheap-stack-traces";
import { gateReport, synthWithGuardrails } from "./app/gate";

const regionsFile = process.env.REGIONS_FILE ?? "regions.yaml";

function main(): number {
  let config;
  try {
    config = loadRegionsConfig(regionsFile);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Error) {
      process.stderr.write(`${error.message}\nNothing was synthesized.\n`);
      return 1;
    }
    throw error;
  }
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const result = withCheapStackTraces(() => synthWithGuardrails(config, { outdir, configFile: regionsFile }));
  process.stderr.write(gateReport(result));
  return result.ok ? 0 : 1;
}

process.exitCode = main();

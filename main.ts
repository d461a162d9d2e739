/**
 * The synth entry (cdktf.json): load → app. The regions file is read and checked in full before the
 * first construct exists, so a bad file writes nothing; the app (app/synth.ts) writes the stacks only
 * when the guardrails pass.
 */
import { loadRegionsConfig } from "./config/load";
import { selectRegionsFile } from "./config/regions-file";
import { synthApp } from "./app/synth";

const regionsFile = selectRegionsFile(undefined, process.env);

function main(): number {
  let config;
  try {
    config = loadRegionsConfig(regionsFile);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nNothing was synthesized.\n`);
    return 1;
  }
  return synthApp(config, { outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out", configFile: regionsFile });
}

process.exitCode = main();

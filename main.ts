/**
 * App entry: load → validate → build. regions.yaml (or $REGIONS_FILE) is read and checked in full
 * before the first construct exists, so a bad file writes nothing.
 */
import { App } from "cdktf";
import { ConfigError } from "./config/problems";
import { loadRegionsConfig } from "./config/load";
import { composeStacks } from "./stacks/compose";

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
  const app = new App();
  composeStacks(app, config);
  app.synth();
  return 0;
}

process.exitCode = main();

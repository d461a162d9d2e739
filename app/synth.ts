/**
 * What `cdktf synth` does with this app: the regions file loaded and checked in full before the first
 * construct exists (a bad file writes nothing), then every stack through the guardrail gate (gate.ts)
 * into the output folder, and the findings on stderr. A failing guardrail writes nothing. main.ts
 * (cdktf.json's app command) and `npm run synth` (cli/synth/cli.ts) both run `synthRegionsFile`.
 */
import { loadRegionsConfig } from "../config/load";
import { selectRegionsFile } from "../config/regions-file";
import type { RegionsConfig } from "../config/schema/regions";
import { withCheapStackTraces } from "./cheap-stack-traces";
import { gateReport, synthWithGuardrails } from "./gate";

export interface SynthOptions {
  /** Where cdktf expects the output: `$CDKTF_OUTDIR`, else `cdktf.out`. */
  readonly outdir: string;
  /** The regions file the config came from, to name unused suppressions. */
  readonly configFile: string;
}

type Write = (text: string) => void;
const toStderr: Write = (text) => void process.stderr.write(text);

/** Synthesizes the app; the exit code: 0, or 1 when a guardrail failed (and nothing was written). */
export function synthApp(config: RegionsConfig, options: SynthOptions, stderr: Write = toStderr): number {
  const result = withCheapStackTraces(() => synthWithGuardrails(config, options));
  stderr(gateReport(result));
  return result.ok ? 0 : 1;
}

/**
 * The whole synth of the regions file `$REGIONS_FILE` (else regions.yaml) into `outdir`; the exit
 * code: 0, or 1 when the file is bad or a guardrail failed, and then nothing was written.
 */
export function synthRegionsFile(outdir: string, env: Readonly<Record<string, string | undefined>> = process.env, stderr: Write = toStderr): number {
  const configFile = selectRegionsFile(undefined, env);
  let config;
  try {
    config = loadRegionsConfig(configFile);
  } catch (error) {
    stderr(`${error instanceof Error ? error.message : String(error)}\nNothing was synthesized.\n`);
    return 1;
  }
  return synthApp(config, { outdir, configFile }, stderr);
}

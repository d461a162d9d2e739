/**
 * What `cdktf synth` does with a loaded config: every stack through the guardrail gate (gate.ts)
 * into the output folder, and the findings on stderr. A failing guardrail writes nothing.
 */
import type { RegionsConfig } from "../config/schema/regions";
import { withCheapStackTraces } from "./cheap-stack-traces";
import { gateReport, synthWithGuardrails } from "./gate";

export interface SynthOptions {
  /** Where cdktf expects the output: `$CDKTF_OUTDIR`, else `cdktf.out`. */
  readonly outdir: string;
  /** The regions file the config came from, to name unused suppressions. */
  readonly configFile: string;
}

/** Synthesizes the app; the exit code: 0, or 1 when a guardrail failed (and nothing was written). */
export function synthApp(config: RegionsConfig, options: SynthOptions, stderr = (text: string) => void process.stderr.write(text)): number {
  const result = withCheapStackTraces(() => synthWithGuardrails(config, options));
  stderr(gateReport(result));
  return result.ok ? 0 : 1;
}

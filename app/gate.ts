/**
 * The guardrail gate every synth passes through: synthesize into a staging folder, run the rule pack
 * on the staged stacks, and only when no error is left move them into the real output folder. A
 * failing run leaves nothing of itself behind, so `cdktf deploy` can never pick up a stack that broke
 * a guardrail.
 */
import { rmSync } from "node:fs";
import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema/regions";
import { composeStacks } from "./compose";
import { DEFAULT_OUTPUT_LAYOUT } from "./stacks/state-backend";
import { findingLine, isBlocking, type Finding } from "../rules/finding";
import { runPack } from "../rules/run";
import { makeStagingDir, promote, synthesizeInto } from "./staging";

export interface GateOptions {
  /**
   * Where cdktf expects the output: `$CDKTF_OUTDIR`, else `cdktf.out`.
   * @default none: the stacks are checked and nothing is written (`npm run check`)
   */
  readonly outdir?: string;
  /** The regions file the config came from, to name unused suppressions. */
  readonly configFile?: string;
  /** Fills the app with stacks. @default every stack of the config (app/compose.ts) */
  readonly build?: (app: App) => void;
}

export interface GateResult {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  readonly stacks: readonly string[];
}

export function synthWithGuardrails(config: RegionsConfig, options: GateOptions): GateResult {
  // Local state paths are relative to the FINAL output folder: the staging folder is moved away.
  const layout = { ...DEFAULT_OUTPUT_LAYOUT, ...(options.outdir !== undefined ? { outdir: options.outdir } : {}) };
  const build = options.build ?? ((app: App) => void composeStacks(app, config, layout));
  const staging = makeStagingDir(options.outdir);
  try {
    const stacks = synthesizeInto(staging, build);
    const findings = runPack(stacks, config, { configFile: options.configFile });
    const ok = !findings.some(isBlocking);
    if (ok && options.outdir !== undefined) promote(staging, options.outdir);
    return { ok, findings, stacks: [...stacks.keys()] };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What synth prints to stderr: each unsuppressed finding, one line, and on failure the verdict. */
export function gateReport(result: GateResult): string {
  const lines = result.findings
    .filter((finding) => !finding.suppressed)
    .map((finding) => `${finding.level === "error" ? "" : "warning: "}${findingLine(finding)}`);
  const errors = result.findings.filter(isBlocking).length;
  if (errors) lines.push(`Guardrails: ${errors} error(s); nothing was synthesized. Fix them or add a suppression with a reason (docs/guardrails.md).`);
  return lines.length ? `${lines.join("\n")}\n` : "";
}

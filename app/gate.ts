/**
 * The guardrail gate every synth passes through: every stack turned into Terraform JSON in memory,
 * the rule pack run on it, and only when no error is left the stacks written into the output folder
 * (synthesis.ts). A failing run leaves nothing of itself behind, so `cdktf deploy` can never pick up a
 * stack that broke a guardrail.
 */
import type { App } from "cdktf";
import type { RegionsConfig } from "../config/schema/regions";
import { composeStacks } from "./compose";
import { DEFAULT_OUTPUT_LAYOUT } from "./stacks/state-backend";
import { findingLine, isBlocking, type Finding } from "../rules/finding";
import { runPack } from "../rules/run";
import { prepareApp } from "./synthesis";

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
  const layout = { ...DEFAULT_OUTPUT_LAYOUT, ...(options.outdir !== undefined ? { outdir: options.outdir } : {}) };
  const build = options.build ?? ((app: App) => void composeStacks(app, config, layout));
  const prepared = prepareApp(options.outdir, build);
  let ok = false;
  try {
    const findings = runPack(prepared.stacks, config, { configFile: options.configFile });
    ok = !findings.some(isBlocking);
    if (ok && options.outdir !== undefined) prepared.write();
    return { ok, findings, stacks: [...prepared.stacks.keys()] };
  } finally {
    if (!ok || options.outdir === undefined) prepared.discard();
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

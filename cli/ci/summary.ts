/**
 * The deploy run's summary: what happened to each stack a wave took (applied, nothing to change,
 * failed and at which step, never reached because an earlier wave failed or a reviewer rejected it),
 * and the stacks CI leaves alone on purpose. Each apply job records its result in
 * `results/<stack>.json` (.github/scripts/stack-terraform.sh); a job that never started left none.
 */
import { UserError } from "../kit/errors";
import { WAVES, type DeployWaves, type Leg, type NotApplied } from "./waves";

export interface StackResult {
  readonly stack: string;
  /** applied, no changes, planned, drifted, failed */
  readonly outcome: string;
  /** For `failed`: the terraform step (init, plan, show, apply). */
  readonly step?: string;
}

export function parseStackResult(text: string, file: string): StackResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not a stack result (JSON): ${(error as Error).message}`);
  }
  const result = value as Partial<StackResult> | null;
  if (typeof result?.stack !== "string" || typeof result.outcome !== "string") {
    throw new UserError(`${file}: not a stack result: expected {stack, outcome[, step]}, found ${text.trim()}`);
  }
  return { stack: result.stack, outcome: result.outcome, ...(typeof result.step === "string" ? { step: result.step } : {}) };
}

/** DeployWaves as JSON (the changes job hands it to the summary job) and back. */
export function wavesToJson(plan: DeployWaves): string {
  return `${JSON.stringify({ waves: Object.fromEntries(plan.waves), notApplied: plan.notApplied }, null, 2)}\n`;
}

export function wavesFromJson(text: string, file: string): DeployWaves {
  let value: { waves?: Record<string, Leg[]>; notApplied?: NotApplied[] };
  try {
    value = JSON.parse(text) as typeof value;
  } catch (error) {
    throw new UserError(`${file}: not a waves file (JSON): ${(error as Error).message}`);
  }
  if (typeof value?.waves !== "object" || !Array.isArray(value.notApplied)) throw new UserError(`${file}: not a waves file: expected {waves, notApplied}`);
  return { waves: new Map(WAVES.map((wave) => [wave.key, value.waves?.[wave.key] ?? []])), notApplied: value.notApplied };
}

const ICONS: Readonly<Record<string, string>> = { applied: "✅", "no changes": "➖", failed: "❌", "not reached": "⏸️" };

function outcomeText(result: StackResult | undefined): string {
  if (!result) return `${ICONS["not reached"]} not reached`;
  const text = result.step ? `${result.outcome} at terraform ${result.step}` : result.outcome;
  return `${ICONS[result.outcome] ?? ""} ${text}`.trim();
}

/** Markdown for `$GITHUB_STEP_SUMMARY`. */
export function deploySummary(plan: DeployWaves, results: readonly StackResult[], heading: string): string {
  const byStack = new Map(results.map((result) => [result.stack, result]));
  const rows: string[] = [];
  const counts = new Map<string, number>();
  for (const wave of WAVES) {
    for (const leg of plan.waves.get(wave.key) ?? []) {
      const result = byStack.get(leg.stack);
      const outcome = result?.outcome ?? "not reached";
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      rows.push(`| \`${leg.stack}\` | ${wave.title} | \`${leg.environment}\` | ${outcomeText(result)} |`);
    }
  }
  const lines = [`## ${heading}`, ""];
  if (rows.length) {
    lines.push([...counts].map(([outcome, count]) => `${count} ${outcome}`).join(", "), "");
    lines.push("| Stack | Wave | Environment | Result |", "|---|---|---|---|", ...rows, "");
  } else {
    lines.push("No stack to apply: the change touches no stack CI applies.", "");
  }
  if (plan.notApplied.length) {
    lines.push("### Not applied by CI", "", ...plan.notApplied.map(({ stack, reason }) => `- \`${stack}\`: ${reason}`), "");
  }
  return `${lines.join("\n")}`;
}

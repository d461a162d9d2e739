/**
 * What the matrix jobs left behind, read by the one job that gathers them: each leg writes
 * `results/<stack>.json` (.github/scripts/stack-terraform.sh). A leg that never ran (cancelled, its
 * runner lost) leaves nothing, so the expected stack list is compared with what came back: a missing
 * result is never read as "fine".
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderMarkdown } from "../review/render-markdown";
import { loadPlanFile } from "../plan-summary/plan-file";
import { planReport } from "../plan-summary/plan-report";
import { parseStackResult, type StackResult } from "./summary";

export function readResults(dir: string, shownAs: string): StackResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseStackResult(readFileSync(join(dir, name), "utf8"), `${shownAs}/${name}`));
}

export interface Unfinished {
  readonly failed: readonly StackResult[];
  /** Expected stacks without a result: their job did not run to the end. */
  readonly missing: readonly string[];
}

export function unfinished(expected: readonly string[], results: readonly StackResult[]): Unfinished {
  const byStack = new Map(results.map((result) => [result.stack, result]));
  return {
    failed: expected.flatMap((stack) => {
      const result = byStack.get(stack);
      return result?.outcome === "failed" ? [result] : [];
    }),
    missing: expected.filter((stack) => !byStack.has(stack)),
  };
}

/** Markdown naming every stack whose terraform did not finish, or "" when all did. */
export function unfinishedMarkdown({ failed, missing }: Unfinished, note: string): string {
  if (!failed.length && !missing.length) return "";
  const lines = [
    "### ⚠️ terraform did not finish for",
    "",
    ...failed.map((result) => `- \`${result.stack}\`: failed at terraform ${result.step ?? "?"}`),
    ...missing.map((stack) => `- \`${stack}\`: its job left no result (cancelled or lost)`),
    "",
    note,
    "",
  ];
  return lines.join("\n");
}

export type DriftStatus = "clean" | "drifted" | "unknown";

export interface DriftReport {
  /** clean: every stack planned with no change; drifted: some stack would change; unknown: no drift seen, but not every stack planned. */
  readonly status: DriftStatus;
  readonly title: string;
  readonly body: string;
}

/** The drift issue's content, from the scheduled plans of every stack. */
export function driftReport(expected: readonly string[], results: readonly StackResult[], plansDir: string): DriftReport {
  const drifted = results.filter((result) => result.outcome === "drifted").map((result) => result.stack);
  const notDone = unfinished(expected, results);
  const complete = !notDone.failed.length && !notDone.missing.length;
  const status: DriftStatus = drifted.length ? "drifted" : complete ? "clean" : "unknown";
  const title =
    status === "drifted"
      ? `Drift: ${drifted.length} stack(s) differ from main`
      : status === "unknown"
        ? "Drift check incomplete: some stacks could not be planned"
        : "No drift";
  const parts = [
    `Scheduled \`terraform plan\` of every stack against main: ${expected.length} planned, ${drifted.length} drifted, ` +
      `${notDone.failed.length + notDone.missing.length} unfinished.`,
  ];
  if (drifted.length) {
    parts.push(renderMarkdown(planReport(drifted.map((stack) => loadPlanFile(join(plansDir, `${stack}.json`))))));
    parts.push("Bring them back: apply main again (run the deploy workflow with **all**), or change the code to what is running, then let the PR review show the change.");
  }
  const unfinishedPart = unfinishedMarkdown(notDone, "_See the drift workflow run's log for terraform's message._");
  if (unfinishedPart) parts.push(unfinishedPart);
  return { status, title, body: `${parts.join("\n\n").trim()}\n` };
}

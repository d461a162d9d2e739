import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { driftReport, readResults, unfinished, unfinishedMarkdown } from "../../../cli/ci/results";
import { REPO_ROOT, tempDir } from "../../utils";

function resultsDir(results: object[]): string {
  const dir = tempDir("ci-results-");
  mkdirSync(join(dir, "results"));
  for (const result of results) writeFileSync(join(dir, "results", `${(result as { stack: string }).stack}.json`), JSON.stringify(result));
  return dir;
}

describe("unfinished: a missing result is never read as fine", () => {
  test("failed stacks with their step, and expected stacks that left no result", () => {
    const dir = resultsDir([
      { stack: "a", outcome: "planned" },
      { stack: "b", outcome: "failed", step: "init" },
    ]);
    const found = unfinished(["a", "b", "c"], readResults(join(dir, "results"), "results"));
    expect(found).toEqual({ failed: [{ stack: "b", outcome: "failed", step: "init" }], missing: ["c"] });
    expect(unfinishedMarkdown(found, "_note_")).toBe(
      "### ⚠️ terraform did not finish for\n\n- `b`: failed at terraform init\n- `c`: its job left no result (cancelled or lost)\n\n_note_\n",
    );
  });

  test("nothing to say when every stack finished", () => {
    expect(unfinishedMarkdown(unfinished(["a"], [{ stack: "a", outcome: "planned" }]), "_note_")).toBe("");
  });
});

describe("driftReport: the drift issue's title, body and verdict", () => {
  const plansDir = () => {
    const dir = tempDir("ci-plans-");
    copyFileSync(join(REPO_ROOT, "test/fixtures/plans/real/update.json"), join(dir, "acme-data-use1-dev.json"));
    return dir;
  };

  test("drifted: the plan-summary of the drifted stacks, and how to bring them back", () => {
    const report = driftReport(["acme-data-use1-dev", "acme-data-account"], [
      { stack: "acme-data-use1-dev", outcome: "drifted" },
      { stack: "acme-data-account", outcome: "no changes" },
    ], plansDir());
    expect(report.status).toBe("drifted");
    expect(report.title).toBe("Drift: 1 stack(s) differ from main");
    expect(report.body).toMatch(/^Scheduled `terraform plan` of every stack against main: 2 planned, 1 drifted, 0 unfinished\.\n\n## /);
    expect(report.body).toContain("`acme-data-use1-dev`");
    expect(report.body).toContain("run the deploy workflow with **all**");
  });

  test("clean only when every expected stack planned without a change", () => {
    expect(driftReport(["a"], [{ stack: "a", outcome: "no changes" }], tempDir("ci-plans-")).status).toBe("clean");
  });

  test("a stack that could not be planned makes the check unknown, not clean", () => {
    const report = driftReport(["a", "b"], [{ stack: "a", outcome: "no changes" }], tempDir("ci-plans-"));
    expect(report.status).toBe("unknown");
    expect(report.title).toBe("Drift check incomplete: some stacks could not be planned");
    expect(report.body).toContain("- `b`: its job left no result (cancelled or lost)");
  });
});

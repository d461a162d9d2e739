import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadPlanFile } from "../../../cli/plan-summary/plan-file";
import { planReport } from "../../../cli/plan-summary/plan-report";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { allChanges, countChanges, exitCodeFor, reportToJson } from "../../../cli/review/report";

/** Real `terraform show -json` output saved by `npm run test:terraform -- --save-fixtures`. */
const DIR = "test/fixtures/plans/real";

interface RawChange {
  readonly address: string;
  readonly mode: string;
  readonly change: { readonly actions: string[]; readonly after?: Record<string, unknown>; readonly after_sensitive?: Record<string, unknown> };
}

function rawChanges(file: string): RawChange[] {
  return (JSON.parse(readFileSync(join(DIR, file), "utf8")) as { resource_changes: RawChange[] }).resource_changes;
}

/** Sensitive values the plan carries in clear (plan JSON does); a summary must never print them. */
function sensitiveValues(file: string): string[] {
  return rawChanges(file).flatMap((rc) =>
    Object.entries(rc.change.after_sensitive ?? {})
      .filter(([, marked]) => marked === true)
      .map(([key]) => rc.change.after?.[key])
      .filter((value): value is string => typeof value === "string" && value.length > 8),
  );
}

describe("plan-summary on real terraform plans (terraform 1.11, hashicorp/aws 5.100.0)", () => {
  test.each([
    ["create.json", { create: 6 }, 0],
    ["update.json", { update: 5 }, 0],
    ["replace.json", { replace: 4 }, 2],
    ["create-delete.json", { create: 1, delete: 1 }, 2],
    ["delete.json", { delete: 6 }, 2],
  ] as const)("%s: terraform's actions, counted as terraform counts them; exit %i", (file, counts, exitCode) => {
    const report = planReport([loadPlanFile(join(DIR, file))]);
    const nonZero = Object.fromEntries(Object.entries(countChanges(allChanges(report))).filter(([, n]) => n > 0));
    expect(nonZero).toEqual(counts);
    expect(exitCodeFor(report, false)).toBe(exitCode);
    // The same verdicts read straight from the file: every delete is found.
    const deletes = rawChanges(file).filter((rc) => rc.mode === "managed" && rc.change.actions.includes("delete")).length;
    expect(allChanges(report).filter((c) => c.action === "delete" || c.action === "replace").length).toBe(deletes);
  });

  test("replace.json: the force-new attributes are terraform's replace_paths", () => {
    const report = planReport([loadPlanFile(join(DIR, "replace.json"))]);
    const subnet = allChanges(report).find((c) => c.type === "aws_subnet")!;
    expect(subnet.attributes.filter((a) => a.forcesReplacement).map((a) => a.path).sort()).toEqual(["cidr_block", "vpc_id"]);
    expect(subnet.reasons).toContain("action_reason: replace_because_cannot_update (an argument cannot be updated in place)");
  });

  test("update.json: a cost-tag change reaches every taggable resource through tags_all", () => {
    const report = planReport([loadPlanFile(join(DIR, "update.json"))]);
    for (const change of allChanges(report)) {
      expect(change.attributes.map((a) => [a.path, a.before, a.after]), change.address).toContainEqual(["tags_all.CostCenter", '"CC-4410"', '"CC-4420"']);
    }
  });

  test.each(readdirSync(DIR).filter((f) => f.endsWith(".json")))("%s: no sensitive value reaches the summary", (file) => {
    const report = planReport([loadPlanFile(join(DIR, file))]);
    const printed = `${renderMarkdown(report)}\n${reportToJson(report, false)}`;
    for (const secret of sensitiveValues(file)) expect(printed).not.toContain(secret);
  });

  test("the fixtures carry no real account id and no credentials", () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith(".json"))) {
      const text = readFileSync(join(DIR, file), "utf8");
      expect(text, file).not.toMatch(/123456789012|AKIA[A-Z0-9]{12,}/);
    }
  });
});

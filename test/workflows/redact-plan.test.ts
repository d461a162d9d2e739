import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { planReport } from "../../cli/plan-summary/plan-report";
import { parsePlan } from "../../cli/plan-summary/plan-file";
import { REPO_ROOT } from "../utils";
import { SCRIPTS_DIR } from "./helpers";

const { redactPlan, KEPT_TOP_LEVEL } = createRequire(import.meta.url)(join(SCRIPTS_DIR, "redact-plan.cjs")) as typeof import("../../.github/scripts/redact-plan.cjs");
const KEY = Buffer.alloc(32, 7);

const plan = (before: unknown, after: unknown, beforeSensitive: unknown, afterSensitive: unknown) => ({
  format_version: "1.2",
  terraform_version: "1.11.4",
  prior_state: { values: { secret: "in-state" } },
  planned_values: { secret: "planned" },
  output_changes: { out: { before: "o", after: "o", before_sensitive: true } },
  configuration: {},
  resource_changes: [{ address: "x.y", type: "x", change: { actions: ["update"], before, after, before_sensitive: beforeSensitive, after_sensitive: afterSensitive } }],
});

describe("redactPlan: a plan leaves its job without a secret", () => {
  test("keeps only what plan-summary reads", () => {
    const redacted = redactPlan(plan({}, {}, {}, {}), KEY) as Record<string, unknown>;
    expect(Object.keys(redacted)).toEqual([...KEPT_TOP_LEVEL]);
  });

  test("masked values become a token, nested in lists and objects; the rest stays", () => {
    const redacted = redactPlan(
      plan(
        { secret: "s1", tags: { a: "1" }, list: [{ k: "hidden" }, { k: "shown" }], none: null },
        { secret: "s2", tags: { a: "1" }, list: [{ k: "hidden" }, { k: "shown" }], none: null },
        { secret: true, list: [{ k: true }, {}], none: true },
        { secret: true, list: [{ k: true }, {}], none: true },
      ),
      KEY,
    ) as { resource_changes: { change: { before: Record<string, unknown>; after: Record<string, unknown> } }[] };
    const { before, after } = redacted.resource_changes[0].change;
    expect(JSON.stringify(redacted)).not.toMatch(/s1|s2|hidden|in-state|planned/);
    expect(before.secret).toMatch(/^\(sensitive [0-9a-f]{12}\)$/);
    expect(before.secret).not.toBe(after.secret);
    expect(before.tags).toEqual({ a: "1" });
    expect((before.list as { k: string }[])[1].k).toBe("shown");
    expect((before.list as { k: string }[])[0].k).toBe((after.list as { k: string }[])[0].k);
    expect(before.none).toBeNull();
  });

  test("a changed secret still reads as changed, an unchanged one as unchanged, in plan-summary", () => {
    const changed = redactPlan(plan({ secret: "a" }, { secret: "b" }, { secret: true }, { secret: true }), KEY);
    const same = redactPlan(plan({ secret: "a", n: 1 }, { secret: "a", n: 2 }, { secret: true }, { secret: true }), KEY);
    const paths = (json: unknown) => planReport([{ file: "s.json", stack: "s", plan: parsePlan("s.json", json) }]).stacks[0].changes[0].attributes.map((a) => a.path);
    expect(paths(changed)).toEqual(["secret"]);
    expect(paths(same)).toEqual(["n"]);
  });

  test("a real plan fixture keeps every change plan-summary reports", () => {
    const raw = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/plans/real/replace.json"), "utf8"));
    const report = (json: unknown) => planReport([{ file: "s.json", stack: "s", plan: parsePlan("s.json", json) }]);
    const counts = (json: unknown) => report(json).stacks[0].changes.map((c) => `${c.action} ${c.address}`);
    expect(counts(redactPlan(raw, KEY))).toEqual(counts(raw));
  });
});

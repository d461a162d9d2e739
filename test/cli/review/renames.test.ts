import { afterEach, describe, expect, test } from "vitest";
import { compareSynthDirs } from "../../../cli/review/compare";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { findRenames } from "../../../cli/review/renames";
import { loadSynth } from "../../../tfjson/synth-dir";
import { crossStackOutput, crossStackRef, removeTempDirs, stack, writeSynth, type Json } from "./helpers";

afterEach(removeTempDirs);

/** An account stack and one workspace stack reading it, named the app's way. */
function app(company: string, region = "use1", awsRegion = "us-east-1"): Record<string, Json> {
  const account = `${company}-data-account`;
  const workspace = `${company}-data-${region}-dev`;
  const withRegion = (json: Json) => ({ ...json, provider: { aws: [{ region: awsRegion }] } });
  return {
    [account]: stack(account, {
      resources: { databricks_group: { owners: { display_name: "job-owners" } } },
      outputs: { "cross-stack-output-databricks_group.owners.id": crossStackOutput("databricks_group.owners.id") },
    }),
    [workspace]: withRegion(
      stack(workspace, {
        resources: {
          aws_s3_bucket: { root: { bucket: `${workspace}-root` } },
          databricks_mws_permission_assignment: {
            owners: { workspace_id: "123", principal_id: crossStackRef(account, "cross-stack-output-databricks_group.owners.id"), permissions: ["USER"] },
          },
        },
        readsFrom: [account],
      }),
    ),
  };
}

describe("review: renamed stacks", () => {
  test("one substitution across every stack is a rename: each stack is compared with its old self", () => {
    const report = compareSynthDirs(writeSynth(app("acme")), writeSynth(app("globex")));

    expect(report.stacks.map((s) => [s.name, s.status, s.renamedFrom])).toEqual([
      ["globex-data-account", "renamed", "acme-data-account"],
      ["globex-data-use1-dev", "renamed", "acme-data-use1-dev"],
    ]);
    const workspace = report.stacks[1];
    expect(workspace.changes.map((c) => [c.address, c.action])).toEqual([["aws_s3_bucket.root", "replace"]]);
    // The reference to the renamed account stack is renamed too: not a change of value.
    expect(workspace.unchanged).toBe(1);
    expect(renderMarkdown(report)).toMatch(/2 stacks renamed \(`acme-data-account` → `globex-data-account`, …\): a renamed stack has a new state key/);
  });

  test("a region swapped for another is a removal and an addition, not a rename", () => {
    const base = loadSynth(writeSynth(app("acme", "use1", "us-east-1")));
    const head = loadSynth(writeSynth({ ...app("acme", "use1", "us-east-1"), ...app("acme", "euc1", "eu-central-1") }));
    const swapped = new Map([...head].filter(([name]) => name !== "acme-data-use1-dev"));
    expect(findRenames(base, swapped).size).toBe(0);

    const report = compareSynthDirs(writeSynth(app("acme", "use1")), writeSynth(app("acme", "euc1", "eu-central-1")));
    expect(report.stacks.map((s) => [s.name, s.status])).toEqual([
      ["acme-data-account", "unchanged"],
      ["acme-data-euc1-dev", "added"],
      ["acme-data-use1-dev", "removed"],
    ]);
  });

  test("a substitution that would map two stacks onto one is refused", () => {
    // a→x turns both x-a and a-a into x-x: not a rename of either.
    const base = loadSynth(writeSynth({ "x-a": stack("x-a", {}), "a-a": stack("a-a", {}) }));
    const head = loadSynth(writeSynth({ "x-x": stack("x-x", {}) }));
    expect(findRenames(base, head).size).toBe(0);
  });
});

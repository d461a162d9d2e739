import { afterEach, describe, expect, test } from "vitest";
import { compareSynthDirs } from "../../../cli/review/compare";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { exitCodeFor, reportToJson, type Report } from "../../../cli/review/report";
import { crossStackOutput, removeTempDirs, stack, writeSynth, type Json } from "./helpers";

afterEach(removeTempDirs);

const ACCOUNT = "acme-data-account";
const DEV = "acme-data-apse2-dev";
const CONFIG = "acme-data-apse2-dev-config";
const OTHER = "acme-data-use1-dev";

/** The account stack: one metastore per region it is given (a region naming its own has none). */
function account(metastoreRegions: readonly string[]): Json {
  const metastores = Object.fromEntries(
    metastoreRegions.map((region) => [`metastore-${region}_ABC`, { name: `acme-data-${region}`, region, force_destroy: false, lifecycle: { prevent_destroy: true } }]),
  );
  return stack(ACCOUNT, {
    resources: { databricks_metastore: metastores },
    outputs: { "cross-stack-output-x": crossStackOutput("databricks_metastore.x.id") },
  });
}

/** A workspace stack as the app lays one out, in `awsRegion`; `protect`: prevent_destroy on bucket and workspace. */
function workspace(name: string, awsRegion: string, protect: boolean, lifecycle?: Json): Json {
  const keep = protect ? { lifecycle: { prevent_destroy: true } } : {};
  return stack(name, {
    awsRegion,
    lifecycle,
    readsFrom: [ACCOUNT],
    resources: {
      aws_vpc: { network_vpc_1: { cidr_block: "10.30.0.0/16" } },
      aws_s3_bucket: { "root-bucket_bucket_2": { bucket: `${name}-root`, force_destroy: false, ...keep } },
      databricks_mws_workspaces: { workspace_workspace_3: { workspace_name: name, aws_region: awsRegion, ...keep } },
    },
    outputs: { "cross-stack-output-databricks_mws_workspaces.workspace_workspace_3.workspace_url": crossStackOutput("databricks_mws_workspaces.workspace_workspace_3.workspace_url") },
  });
}

/** The config stack: Databricks only; its region is the workspace stack's, read through remote state. */
function config(lifecycle?: Json): Json {
  return stack(CONFIG, {
    awsRegion: null,
    lifecycle,
    readsFrom: [ACCOUNT, DEV],
    resources: { databricks_cluster_policy: { "cluster-policies_job_4": { name: `${DEV}-job` } } },
  });
}

function app(options: { regions: readonly string[]; decommission?: boolean; metastores?: readonly string[] }): Record<string, Json> {
  const marker = options.decommission ? { decommission: { region: "ap-southeast-2" } } : undefined;
  const stacks: Record<string, Json> = { [ACCOUNT]: account(options.metastores ?? options.regions), [OTHER]: workspace(OTHER, "us-east-1", true) };
  if (options.regions.includes("ap-southeast-2")) {
    stacks[DEV] = workspace(DEV, "ap-southeast-2", !options.decommission, marker);
    stacks[CONFIG] = config(marker);
  }
  return stacks;
}

function compare(base: Record<string, Json>, head: Record<string, Json>): Report {
  return compareSynthDirs(writeSynth(base), writeSynth(head));
}

const BOTH = ["us-east-1", "ap-southeast-2"];

describe("review: a region deleted without decommissioning", () => {
  const report = compare(app({ regions: BOTH }), app({ regions: ["us-east-1"] }));

  test("its stacks are orphaned, not destroyed: every resource is left running", () => {
    for (const name of [DEV, CONFIG]) {
      const removed = report.stacks.find((s) => s.name === name)!;
      expect(removed).toMatchObject({ status: "removed", removal: "orphaned" });
      expect(removed.changes.length).toBeGreaterThan(0);
      expect(new Set(removed.changes.map((c) => c.action))).toEqual(new Set(["orphan"]));
      expect(removed.changes.some((c) => c.blocked)).toBe(false);
    }
  });

  test("one notice for the region (the config stack found through its workspace stack), naming the metastore the same change destroys", () => {
    expect(report.regions).toEqual([
      { kind: "orphaned", region: "ap-southeast-2", stacks: [DEV, CONFIG], resources: 4, alsoDestroyed: [`${ACCOUNT}/databricks_metastore.metastore-ap-southeast-2_ABC`] },
    ]);
    const account = report.stacks.find((s) => s.name === ACCOUNT)!;
    expect(account.changes.map((c) => [c.address, c.action])).toEqual([["databricks_metastore.metastore-ap-southeast-2_ABC", "delete"]]);
  });

  test("the comment says it plainly, points at decommission, and review exits 2", () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(
      "> ⚠️ **ap-southeast-2: 2 stacks left the synth without `decommission: true`: `cdktf deploy` will NOT destroy them.** " +
        "Their 4 resources keep running, billed and unmanaged (orphaned): `acme-data-apse2-dev`, `acme-data-apse2-dev-config`. " +
        "The same change WILL destroy ap-southeast-2's account-level objects: `acme-data-account/databricks_metastore.metastore-ap-southeast-2_ABC`",
    );
    expect(markdown).toContain("put its entry back with `decommission: true`, destroy its stacks, then delete the entry (docs/lifecycle.md)");
    expect(markdown).toContain("4 left running unmanaged (orphaned)");
    expect(markdown).not.toContain("its workspace is destroyed");
    expect(exitCodeFor(report, false)).toBe(2);
    expect(JSON.parse(reportToJson(report, false)).stacks.find((s: { name: string }) => s.name === DEV)).toMatchObject({ status: "removed", removal: "orphaned", counts: { orphan: 3 } });
  });

  test("with nothing destroyed anywhere (the region named its own metastore), orphaning alone still exits 2", () => {
    const alone = compare(app({ regions: BOTH, metastores: ["us-east-1"] }), app({ regions: ["us-east-1"] }));
    expect(alone.regions?.[0]).toMatchObject({ kind: "orphaned", alsoDestroyed: [] });
    expect(renderMarkdown(alone)).toMatch(/^## 🟠 Plan review: ORPHANED, nothing destroyed: 4 left running unmanaged \(orphaned\)\n/);
    expect(exitCodeFor(alone, false)).toBe(2);
    expect(exitCodeFor(alone, true)).toBe(0);
  });
});

describe("review: decommissioning a region", () => {
  const report = compare(app({ regions: BOTH }), app({ regions: BOTH, decommission: true }));

  test("every resource of its stacks is destroyed, and nothing blocks it; other regions are untouched", () => {
    for (const name of [DEV, CONFIG]) {
      const stackReport = report.stacks.find((s) => s.name === name)!;
      expect(stackReport.status).toBe("decommissioning");
      expect(stackReport.changes.every((c) => c.action === "delete" && !c.blocked)).toBe(true);
    }
    expect(report.stacks.find((s) => s.name === OTHER)?.status).toBe("unchanged");
    expect(report.stacks.find((s) => s.name === ACCOUNT)?.status).toBe("unchanged");
    const bucket = report.stacks.find((s) => s.name === DEV)!.changes.find((c) => c.type === "aws_s3_bucket")!;
    expect(bucket.reasons).toEqual([
      "decommissioning ap-southeast-2: `cdktf destroy` deletes it",
      "the destroy stops here while the bucket holds objects (force_destroy is false, on purpose): back it up, then empty it or take it out of the state first",
    ]);
  });

  test('review says "decommissioning <region>: N resources will be destroyed" and exits 2', () => {
    expect(report.regions).toEqual([{ kind: "decommissioning", region: "ap-southeast-2", stacks: [DEV, CONFIG], resources: 4, alsoDestroyed: [] }]);
    expect(renderMarkdown(report)).toContain("> 🗑️ **decommissioning ap-southeast-2: 4 resources will be destroyed** by `cdktf destroy` of `acme-data-apse2-dev`, `acme-data-apse2-dev-config`");
    expect(exitCodeFor(report, false)).toBe(2);
  });

  test("a prevent_destroy the synth still carries is reported as blocking the destroy", () => {
    const head = app({ regions: BOTH, decommission: true });
    head[DEV] = workspace(DEV, "ap-southeast-2", true, { decommission: { region: "ap-southeast-2" } });
    const blocked = compare(app({ regions: BOTH }), head).stacks.find((s) => s.name === DEV)!.changes.filter((c) => c.blocked);
    expect(blocked.map((c) => c.type).sort()).toEqual(["aws_s3_bucket", "databricks_mws_workspaces"]);
  });

  test("deleting the entry afterwards: a note, not an orphan; only the metastore's deletion makes it destructive", () => {
    const after = compare(app({ regions: BOTH, decommission: true }), app({ regions: ["us-east-1"] }));
    expect(after.stacks.find((s) => s.name === DEV)).toMatchObject({ status: "removed", removal: "after-decommission", changes: [] });
    expect(after.regions).toEqual([{ kind: "removed-after-decommission", region: "ap-southeast-2", stacks: [DEV, CONFIG], resources: 4, alsoDestroyed: [] }]);
    expect(renderMarkdown(after)).toContain("> ℹ️ ap-southeast-2 (decommissioned) left the synth: `acme-data-apse2-dev`, `acme-data-apse2-dev-config`. Right if `cdktf destroy` finished for them");
    const destroyed = after.stacks.flatMap((s) => s.changes).filter((c) => c.action === "delete");
    expect(destroyed.map((c) => c.address)).toEqual(["databricks_metastore.metastore-ap-southeast-2_ABC"]);
    const kept = compare(app({ regions: BOTH, decommission: true, metastores: ["us-east-1"] }), app({ regions: ["us-east-1"], metastores: ["us-east-1"] }));
    expect(exitCodeFor(kept, false)).toBe(0);
  });
});

describe("review: adopted workspaces", () => {
  const adopted = (name?: string) =>
    stack(DEV, {
      awsRegion: "ap-southeast-2",
      lifecycle: name ? { adopted: { workspaceName: name, conventionName: DEV } } : undefined,
      imports: [
        { to: "databricks_mws_workspaces.workspace_workspace_3", id: "acc/1234567890123456" },
        { to: "aws_vpc.network_vpc_1", id: "vpc-0123456789abcdef0" },
      ],
      resources: {
        aws_vpc: { network_vpc_1: { cidr_block: "10.30.0.0/16" } },
        aws_subnet: { network_private_5: { cidr_block: "10.30.0.0/18" } },
        databricks_mws_workspaces: { workspace_workspace_3: { workspace_name: name ?? DEV } },
      },
    });

  test("a resource with an import block is imported, not created; the rest is created", () => {
    const report = compare({ [ACCOUNT]: account([]) }, { [ACCOUNT]: account([]), [DEV]: adopted("legacy-analytics") });
    const changes = [...report.stacks.find((s) => s.name === DEV)!.changes].sort((a, b) => a.address.localeCompare(b.address));
    expect(changes.map((c) => [c.address, c.action])).toEqual([
      ["aws_subnet.network_private_5", "create"],
      ["aws_vpc.network_vpc_1", "import"],
      ["databricks_mws_workspaces.workspace_workspace_3", "import"],
    ]);
    expect(changes[2].reasons).toEqual(['imported from "acc/1234567890123456": the existing object is adopted, not created']);
    expect(renderMarkdown(report)).toMatch(/^## 🟢 Plan review: nothing destroyed: 1 to add, 2 to import\n/);
    expect(exitCodeFor(report, false)).toBe(0);
  });

  test("a pre-convention name is flagged once, when it arrives: nothing is renamed", () => {
    const first = compare({ [ACCOUNT]: account([]) }, { [ACCOUNT]: account([]), [DEV]: adopted("legacy-analytics") });
    expect(first.adoptions).toEqual([{ stack: DEV, workspaceName: "legacy-analytics", conventionName: DEV }]);
    expect(renderMarkdown(first)).toContain(
      "> ℹ️ `acme-data-apse2-dev` adopts the workspace `legacy-analytics` under its existing name; the convention would name it `acme-data-apse2-dev`. Nothing is renamed: renaming a workspace replaces it.",
    );
    const again = compare({ [ACCOUNT]: account([]), [DEV]: adopted("legacy-analytics") }, { [ACCOUNT]: account([]), [DEV]: adopted("legacy-analytics") });
    expect(again.adoptions).toBeUndefined();
    expect(compare({ [ACCOUNT]: account([]) }, { [ACCOUNT]: account([]), [DEV]: adopted() }).adoptions).toBeUndefined();
  });
});

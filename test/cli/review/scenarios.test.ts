/**
 * The review of real changes to regions.yaml: the shipped file is synthesized once by the real app
 * (`npx tsx main.ts`) as the base; each scenario synthesizes an edited copy and compares.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Document } from "yaml";
import { validateRegionsText } from "../../../config/load";
import type { RegionsConfig } from "../../../config/schema/regions";
import { accountResourceNames, bootstrapResourceNames, stateKey, workspaceResourceNames } from "../../../domain/naming";
import { stackNames } from "../../../app/compose";
import { allocateVpcCidrs } from "../../../cli/onboard/allocate-cidrs";
import { planOnboarding } from "../../../cli/onboard/onboard";
import { compareSynthDirs } from "../../../cli/review/compare";
import { runSynth } from "../../../tfjson/synth-run";
import { TAGGABLE_AWS_TYPES } from "../../../cli/review/provider-effects";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { destructiveChanges, exitCodeFor, allChanges, type Report, type ResourceChange, type StackReport } from "../../../cli/review/report";
import { regionsCopy, removeRegionsCopies, REPO_ROOT, type RegionsCopy } from "../onboard/helpers";
import { tempDir, removeTempDirs } from "./helpers";

/** Every test synthesizes the whole app in a child process: minutes, on a shared 2-core machine under load. */
const SYNTH_TIMEOUT = 180_000;

afterAll(() => {
  removeRegionsCopies();
  removeTempDirs();
});

function configOf(copy: RegionsCopy): RegionsConfig {
  const result = validateRegionsText(copy.file, readFileSync(copy.file, "utf8"));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.config;
}

async function synth(copy: RegionsCopy): Promise<string> {
  const out = join(copy.dir, "cdktf.out");
  await runSynth({ cwd: REPO_ROOT, outDir: out, what: copy.file, regionsFile: copy.file });
  return out;
}

let base: { copy: RegionsCopy; config: RegionsConfig; out: string };

beforeAll(async () => {
  const copy = regionsCopy(undefined, "review-base-");
  base = { copy, config: configOf(copy), out: await synth(copy) };
}, SYNTH_TIMEOUT);

async function review(edit: (doc: Document) => void): Promise<{ report: Report; config: RegionsConfig }> {
  const copy = regionsCopy(edit, "review-head-");
  return { report: compareSynthDirs(base.out, await synth(copy)), config: configOf(copy) };
}

function stackOf(report: Report, name: string): StackReport {
  const found = report.stacks.find((s) => s.name === name);
  if (!found) throw new Error(`no stack ${name} in the report`);
  return found;
}

function ofType(stack: StackReport, type: string): ResourceChange[] {
  return stack.changes.filter((c) => c.type === type);
}

/** Workspace keys (company, domain, region, environment) of a config, in stackNames order. */
function workspaceKeys(config: RegionsConfig) {
  return config.regions.flatMap((region) =>
    Object.keys(config.environments).map((environment) => ({
      company: config.company, domain: config.domain, awsRegion: region.region, environment,
    })),
  );
}

describe("review of real synths: renaming the company", () => {
  test("replaces every workspace, root bucket and what depends on them, with the chain", async () => {
    const { report, config } = await review((doc) => doc.set("company", `${base.config.company}x`));

    // Every stack is renamed, one to one.
    expect(report.stacks.map((s) => [s.renamedFrom, s.name])).toEqual(
      stackNames(base.config).map((from, i) => [from, stackNames(config)[i]]).sort((a, b) => a[1].localeCompare(b[1])),
    );
    for (const key of workspaceKeys(config)) {
      const names = workspaceResourceNames(key);
      const stack = stackOf(report, names.stack);
      const workspace = ofType(stack, "databricks_mws_workspaces");
      expect(workspace.map((c) => c.action)).toEqual(["replace"]);
      expect(workspace[0].attributes.find((a) => a.path === "workspace_name")).toMatchObject({ after: JSON.stringify(names.workspace), forcesReplacement: true });
      expect(ofType(stack, "aws_s3_bucket").find((c) => c.attributes.some((a) => a.after === JSON.stringify(names.rootBucket)))?.action).toBe("replace");
      expect(ofType(stack, "databricks_mws_storage_configurations").map((c) => c.action)).toEqual(["replace"]);
      expect(ofType(stack, "databricks_mws_networks").map((c) => c.action)).toEqual(["replace"]);
      // Dependents carry the chain back to the replaced workspace.
      for (const dependent of [...ofType(stack, "databricks_metastore_assignment"), ...ofType(stack, "databricks_mws_permission_assignment")]) {
        expect(dependent.action).toBe("replace");
        expect(dependent.reasons[0]).toMatch(/^replaced because databricks_mws_workspaces\.\S+ \(\w+ ".*"→".*"\) → /);
      }
      // The config stack's objects live in the workspace: a new workspace means new objects. Its data
      // layer is renamed too: names replace buckets, roles, credentials and locations themselves.
      const configStack = stackOf(report, names.configStack);
      expect(configStack.changes.length).toBeGreaterThan(0);
      for (const object of configStack.changes) {
        expect(object.action).toBe("replace");
        // An object replaced by a change of its own (a name, a bucket, the dashboard's folder) says so;
        // every other one carries the chain that replaces it.
        const ownChange = object.attributes.some((a) => a.forcesReplacement);
        if (!ownChange) expect(object.reasons[0], object.address).toMatch(/^replaced because /);
      }
      for (const object of configStack.changes.filter((c) => c.type.startsWith("databricks_") && !c.address.includes("catalog") && !c.address.includes("data-bucket"))) {
        // The spend dashboard's folder carries the company name: the dashboard is replaced for that
        // change of its own, and its viewers' permissions with it.
        if (object.type === "databricks_dashboard") {
          expect(object.attributes.find((a) => a.path === "parent_path")).toMatchObject({ after: '"/Shared/acmex-data-spend"', forcesReplacement: true });
          continue;
        }
        if (object.type === "databricks_permissions" && object.reasons[0].startsWith("replaced because databricks_dashboard.")) {
          expect(object.reasons[0]).toMatch(/\(parent_path "\/Shared\/acme-data-spend"→"\/Shared\/acmex-data-spend"\) → databricks_permissions\.\S+ \(dashboard_id\)$/);
          continue;
        }
        expect(object.reasons[0]).toMatch(new RegExp(`^replaced because ${names.stack}/databricks_mws_workspaces\\.\\S+ .* → ${names.configStack}/`));
      }
      // The catalog renames in place, but its storage root (a new bucket) replaces it; its grants follow its name.
      const [catalog] = ofType(configStack, "databricks_catalog");
      expect(catalog.attributes.find((a) => a.path === "storage_root")).toMatchObject({ forcesReplacement: true });
      expect(catalog.attributes.find((a) => a.path === "name")).toMatchObject({ after: JSON.stringify(names.catalog), forcesReplacement: false });
      expect(catalog.reasons[0]).toMatch(/^replaced because aws_s3_bucket\.\S+ \(bucket .*\) → databricks_external_location\.\S+ \(url\) → databricks_catalog\.\S+ \(storage_root\)$/);
      const catalogGrants = ofType(configStack, "databricks_grants").find((g) => g.attributes.some((a) => a.path === "catalog"))!;
      expect(catalogGrants.reasons[0]).toMatch(/^replaced because databricks_catalog\.\S+ \(name ".*"→".*"\) → databricks_grants\.\S+ \(catalog\)$/);
    }
    // Each renamed stack's state moves from the key the naming module gives the old name to the new one.
    const state = base.config.state!;
    expect(report.stateMoves?.map((move) => [move.from, move.to, move.backend])).toEqual(
      stackNames(base.config).map((from, i) => [from, stackNames(config)[i], "s3"]).sort((a, b) => a[1].localeCompare(b[1])),
    );
    for (const key of workspaceKeys(base.config)) {
      const names = workspaceResourceNames(key);
      const move = report.stateMoves!.find((m) => m.from === names.stack)!;
      expect(move.steps.map((step) => step.command)).toContain(
        `aws s3 cp s3://${state.bucket}/${stateKey(state.keyPrefix, names.stack)} ${names.stack}.tfstate --region ${state.region}`,
      );
    }
    expect(exitCodeFor(report, false)).toBe(2);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: the deployment-name prefix", () => {
  test.each([
    ["changed", (doc: Document) => doc.set("deploymentNamePrefix", "globex"), (workspace: string) => JSON.stringify(workspace)],
    ["removed", (doc: Document) => doc.delete("deploymentNamePrefix"), () => undefined],
  ] as const)("%s: every workspace's deployment_name changes, which is reported as a replacement", async (_name, edit, after) => {
    const { report } = await review(edit);
    for (const key of workspaceKeys(base.config)) {
      const names = workspaceResourceNames(key);
      const [workspace] = ofType(stackOf(report, names.stack), "databricks_mws_workspaces");
      expect(workspace.action).toBe("replace");
      expect(workspace.attributes.find((a) => a.path === "deployment_name")).toMatchObject({
        before: JSON.stringify(names.workspace.replace(/^acme-/, "")),
        forcesReplacement: true,
        ...(after(names.workspace) === undefined ? {} : { after: after(names.workspace) }),
      });
    }
    expect(exitCodeFor(report, false)).toBe(2);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: a root bucket renamed alone", () => {
  test("replaces the bucket, then its storage configuration, then the workspace", () => {
    const names = workspaceResourceNames(workspaceKeys(base.config)[0]);
    const head = tempDir("review-bucket-");
    cpSync(base.out, head, { recursive: true });
    const file = join(head, "stacks", names.stack, "cdk.tf.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    const [bucketId] = Object.entries(json.resource.aws_s3_bucket as Record<string, { bucket: string }>).find(([, b]) => b.bucket === names.rootBucket)!;
    json.resource.aws_s3_bucket[bucketId].bucket = `${names.rootBucket}-2`;
    writeFileSync(file, JSON.stringify(json));

    const report = compareSynthDirs(base.out, head);
    const stack = stackOf(report, names.stack);
    expect(stack.changes.find((c) => c.address === `aws_s3_bucket.${bucketId}`)).toMatchObject({
      action: "replace",
      attributes: [{ path: "bucket", before: JSON.stringify(names.rootBucket), after: JSON.stringify(`${names.rootBucket}-2`), forcesReplacement: true }],
    });
    const storage = ofType(stack, "databricks_mws_storage_configurations")[0];
    expect(storage.action).toBe("replace");
    expect(storage.reasons[0]).toMatch(new RegExp(`^replaced because aws_s3_bucket\\.${bucketId} \\(bucket .*\\) → databricks_mws_storage_configurations\\.\\S+ \\(bucket_name\\)$`));
    const workspace = ofType(stack, "databricks_mws_workspaces")[0];
    expect(workspace.action).toBe("replace");
    expect(workspace.reasons[0]).toMatch(/→ databricks_mws_storage_configurations\.\S+ \(bucket_name\) → databricks_mws_workspaces\.\S+ \(storage_configuration_id\)$/);
    expect(exitCodeFor(report, false)).toBe(2);
  });
});

describe("review of real synths: a new VPC CIDR", () => {
  test("replaces the VPC, its subnets and the network configuration; the workspace is updated in place", async () => {
    const [key] = workspaceKeys(base.config);
    const used = base.config.regions.flatMap((r) => Object.values(r.workspaces).map((w) => w.vpcCidr));
    const [free] = allocateVpcCidrs({ pool: base.config.network.addressPool!, netmask: 16, used, count: 1 });
    const { report } = await review((doc) => doc.setIn(["regions", 0, "workspaces", key.environment, "vpcCidr"], free));
    const stack = stackOf(report, workspaceResourceNames(key).stack);

    expect(ofType(stack, "aws_vpc")).toMatchObject([{ action: "replace", attributes: [{ path: "cidr_block", after: JSON.stringify(free), forcesReplacement: true }] }]);
    const subnets = ofType(stack, "aws_subnet");
    expect(subnets.length).toBeGreaterThanOrEqual(2);
    for (const subnet of subnets) expect(subnet.action).toBe("replace");
    const network = ofType(stack, "databricks_mws_networks");
    expect(network.map((c) => c.action)).toEqual(["replace"]);
    expect(network[0].reasons[0]).toMatch(/^replaced because aws_vpc\.\S+ \(cidr_block ".*"→".*"\) → .*databricks_mws_networks/);
    expect(ofType(stack, "databricks_mws_workspaces").map((c) => c.action)).toEqual(["update"]);
    // Nothing outside that workspace stack is destroyed.
    expect(new Set(destructiveChanges(report).map((c) => c.stack))).toEqual(new Set([stack.name]));
    expect(exitCodeFor(report, false)).toBe(2);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: removing a region without decommissioning it", () => {
  test("orphans its stacks (not destroyed by deploy), names the metastore the account stack WILL destroy, and exits 2", async () => {
    const last = base.config.regions.length - 1;
    const removed = base.config.regions[last].region;
    const { report, config } = await review((doc) => doc.deleteIn(["regions", last]));
    const gone = stackNames(base.config).filter((name) => !stackNames(config).includes(name));

    expect(gone.length).toBe(2 * Object.keys(base.config.environments).length);
    for (const name of gone) {
      const stack = stackOf(report, name);
      expect(stack).toMatchObject({ status: "removed", removal: "orphaned" });
      expect(stack.changes.length).toBeGreaterThan(0);
      expect(stack.changes.every((c) => c.action === "orphan")).toBe(true);
    }
    // Elsewhere the account stack loses the region's metastore (for real), and the CI apply role its reach there.
    const others = report.stacks.filter((s) => !gone.includes(s.name) && s.status !== "unchanged");
    expect(others.map((s) => s.name)).toEqual([accountResourceNames(base.config).stack, bootstrapResourceNames(base.config).stack]);
    expect(others[0].changes.map((c) => [c.type, c.action])).toEqual([["databricks_metastore", "delete"]]);
    expect(others[0].changes[0].address).toContain(removed);
    expect(others[1].changes.map((c) => [c.type, c.action])).toEqual([["aws_iam_role_policy", "update"]]);
    expect(report.regions).toEqual([
      {
        kind: "orphaned", region: removed, stacks: [...gone].sort(),
        resources: gone.reduce((sum, name) => sum + stackOf(report, name).changes.length, 0),
        alsoDestroyed: [`${others[0].name}/${others[0].changes[0].address}`],
      },
    ]);
    expect(renderMarkdown(report)).toContain(`**${removed}: ${gone.length} stacks left the synth without \`decommission: true\`: \`cdktf deploy\` will NOT destroy them.**`);
    expect(exitCodeFor(report, false)).toBe(2);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: onboarding a region", () => {
  test("reports additions, and the CI apply role reaching the new region; exits 0", async () => {
    const copy = regionsCopy(undefined, "review-onboard-");
    const plan = planOnboarding({ file: copy.file, text: copy.text, region: "eu-central-1" });
    writeFileSync(copy.file, plan.newText);
    const report = compareSynthDirs(base.out, await synth(copy));

    // The apply role may act in the configured regions only: an administrator applies the bootstrap
    // stack before CI can create the new region's resources (docs/ci.md).
    const updates = allChanges(report).filter((c) => c.action !== "create");
    expect(updates.map((c) => `${c.stack} ${c.type} ${c.action}`)).toEqual([`${bootstrapResourceNames(base.config).stack} aws_iam_role_policy update`]);
    expect(updates[0].address).toMatch(/^aws_iam_role_policy\.apply-role/);
    expect(report.stacks.filter((s) => s.status === "added").map((s) => s.name).sort()).toEqual([...plan.addedStacks].sort());
    expect(exitCodeFor(report, false)).toBe(0);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: a cost-tag change", () => {
  test("updates tags_all of every taggable AWS resource and the workspace tags in place, and exits 0", async () => {
    const { report } = await review((doc) => doc.setIn(["costTags", "CostCenter"], "CC-0000"));

    expect(destructiveChanges(report)).toEqual([]);
    // Updates only, apart from the IAM-propagation waits (below).
    expect(allChanges(report).filter((c) => c.action !== "update" && c.type !== "time_sleep")).toEqual([]);
    const tagged = allChanges(report).filter((c) => c.attributes.some((a) => a.path === "tags_all.CostCenter" && a.after === '"CC-0000"'));
    // Every taggable AWS resource in the head synth, whatever the app builds today.
    const taggable = readdirSync(join(base.out, "stacks")).flatMap((name) => {
      const json = JSON.parse(readFileSync(join(base.out, "stacks", name, "cdk.tf.json"), "utf8"));
      if (!json.provider?.aws) return [];
      return Object.entries((json.resource ?? {}) as Record<string, Record<string, unknown>>)
        .filter(([type]) => TAGGABLE_AWS_TYPES.has(type))
        .flatMap(([type, instances]) => Object.keys(instances).map((id) => `${name}/${type}.${id}`));
    });
    expect(taggable.length).toBeGreaterThan(0);
    expect(tagged.map((c) => `${c.stack}/${c.address}`).sort()).toEqual(taggable.sort());
    // Terraform reads a policy document during apply when a resource it names has changes pending
    // (read_because_dependency_pending): the policies using it show "known after apply", and a
    // time_sleep triggered by such a policy is replaced, which destroys nothing.
    const policies = allChanges(report).filter((c) => c.type === "aws_iam_role_policy" || c.type === "aws_s3_bucket_policy");
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(policy).toMatchObject({ action: "update", attributes: [{ path: "policy", after: "(known after apply)" }] });
    for (const wait of allChanges(report).filter((c) => c.type === "time_sleep")) {
      expect(wait.action).toBe("maybe-replace");
      expect(wait.reasons[0]).toMatch(/\(read during apply\) → aws_iam_role_policy\.\S+ \(policy\) → time_sleep/);
    }
    for (const workspace of allChanges(report).filter((c) => c.type === "databricks_mws_workspaces")) {
      expect(workspace.attributes).toContainEqual(expect.objectContaining({ path: "custom_tags.CostCenter", after: '"CC-0000"', forcesReplacement: false }));
    }
    expect(exitCodeFor(report, false)).toBe(0);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: a data bucket's path moves", () => {
  test("updates its external location's url in place (provider v1.99: only the name replaces it), and exits 0", async () => {
    const { report, config } = await review((doc) => doc.setIn(["regions", 0, "dataBuckets", 0, "prefix"], "events/v2/"));
    const owner = workspaceResourceNames({ ...config, awsRegion: config.regions[0].region, environment: "prod" }).configStack;

    expect(report.stacks.filter((s) => s.status !== "unchanged").map((s) => s.name)).toEqual([owner]);
    const changes = stackOf(report, owner).changes;
    const location = changes.find((c) => c.type === "databricks_external_location" && c.address.includes("data-bucket-landing"));
    expect(location).toMatchObject({
      action: "update",
      attributes: expect.arrayContaining([{ path: "url", before: '"s3://acme-landing-use1/events/"', after: '"s3://acme-landing-use1/events/v2/"', forcesReplacement: false }]),
    });
    expect(destructiveChanges(report)).toEqual([]);
    expect(exitCodeFor(report, false)).toBe(0);
  }, SYNTH_TIMEOUT);
});

describe("review of real synths: a cluster cap change in one environment", () => {
  test("shows the changed key inside each policy definition, old → new, in that environment only", async () => {
    const { report, config } = await review((doc) => doc.setIn(["environments", "prod", "clusters", "maxWorkers"], 16));
    const prodConfigStacks = config.regions.map((region) => workspaceResourceNames({ ...config, awsRegion: region.region, environment: "prod" }).configStack);

    expect(report.stacks.filter((s) => s.status !== "unchanged").map((s) => s.name).sort()).toEqual([...prodConfigStacks].sort());
    for (const name of prodConfigStacks) {
      const personal = ofType(stackOf(report, name), "databricks_cluster_policy").find((c) => c.address.includes("_personal_"));
      expect(personal).toMatchObject({ action: "update", attributes: [{ path: "definition", inside: "num_workers.maxValue", before: "32", after: "16" }] });
    }
    expect(renderMarkdown(report)).toContain("  - `definition` › `num_workers.maxValue`: `32` → `16`\n");
    // Nothing that changed reads the same before and after.
    for (const attribute of allChanges(report).flatMap((c) => c.attributes)) expect(attribute.before).not.toBe(attribute.after);
    expect(exitCodeFor(report, false)).toBe(0);
  }, SYNTH_TIMEOUT);
});

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { compareSynthDirs } from "../../../cli/review/compare";
import { FORCE_NEW_RULES } from "../../../cli/review/force-new";
import { TAGGABLE_AWS_TYPES } from "../../../cli/review/provider-effects";
import { exitCodeFor, type Report, type ResourceChange } from "../../../cli/review/report";
import { crossStackOutput, crossStackRef, removeTempDirs, stack, writeSynth, type Json } from "./helpers";
import { REPO_ROOT } from "../onboard/helpers";

afterEach(removeTempDirs);

function change(report: Report, stackName: string, address: string): ResourceChange | undefined {
  return report.stacks.find((s) => s.name === stackName)?.changes.find((c) => c.address === address);
}

const compare = (base: Record<string, Json>, head: Record<string, Json>) => compareSynthDirs(writeSynth(base), writeSynth(head));

/** A network stack whose AWS provider carries the cost tags, the way app/stacks/providers.ts writes it. */
function network(aws: Json[], extra: Record<string, Record<string, Json>> = {}): Json {
  const json = stack("ws", {
    resources: {
      aws_vpc: { vpc: { cidr_block: "10.1.0.0/16", tags: { Name: "ws-vpc" } } },
      aws_subnet: { private: { vpc_id: "${aws_vpc.vpc.id}", cidr_block: "10.1.0.0/18", availability_zone: "us-east-1a" } },
      aws_route: { default: { route_table_id: "rtb", destination_cidr_block: "0.0.0.0/0" } },
      aws_iam_role: { role: { name: "ws-role", assume_role_policy: "{}" } },
      aws_s3_bucket: { root: { bucket: "ws-root", tags: { CostCenter: "pinned" } } },
      databricks_mws_networks: { network: { account_id: "acc", network_name: "ws", vpc_id: "${aws_vpc.vpc.id}", subnet_ids: ["${aws_subnet.private.id}"] } },
      ...extra,
    },
  });
  return { ...json, provider: { aws, databricks: [{ host: "https://accounts.cloud.databricks.com", account_id: "acc" }] } };
}

const tagged = (region: string, tags: Json) => [{ region, default_tags: [{ tags }] }];

describe("review: an AWS provider default_tags change", () => {
  const base = network(tagged("us-east-1", { CostCenter: "CC-1", Team: "data" }));
  const head = network(tagged("us-east-1", { CostCenter: "CC-2", Team: "data" }));

  test("updates tags_all of every taggable resource in place, and nothing else", () => {
    const report = compare({ ws: base }, { ws: head });

    for (const address of ["aws_vpc.vpc", "aws_subnet.private", "aws_iam_role.role"]) {
      expect(change(report, "ws", address)).toMatchObject({
        action: "update",
        attributes: [{ path: "tags_all.CostCenter", before: '"CC-1"', after: '"CC-2"', forcesReplacement: false }],
        reasons: ["provider aws default_tags changed: tags_all is updated in place"],
      });
    }
    // No tags on a route; a resource's own tag wins over the provider's, so its tags_all stays.
    expect(change(report, "ws", "aws_route.default")).toBeUndefined();
    expect(change(report, "ws", "aws_s3_bucket.root")).toBeUndefined();
    expect(change(report, "ws", "databricks_mws_networks.network")).toBeUndefined();
    expect(exitCodeFor(report, false)).toBe(0);
  });

  test("an added or removed default tag shows as added or removed from tags_all", () => {
    const report = compare({ ws: base }, { ws: network(tagged("us-east-1", { CostCenter: "CC-1", Owner: "me" })) });
    expect(change(report, "ws", "aws_vpc.vpc")?.attributes).toEqual([
      { path: "tags_all.Owner", before: "(none)", after: '"me"', forcesReplacement: false },
      { path: "tags_all.Team", before: '"data"', after: "(none)", forcesReplacement: false },
    ]);
  });

  test("an aliased provider changes only the resources that use it", () => {
    const aws = (west: string) => [{ region: "us-east-1" }, { alias: "west", region: "us-west-2", default_tags: [{ tags: { Team: west } }] }];
    const extra = { aws_kms_key: { west: { description: "k", provider: "aws.west" } } };
    const report = compare({ ws: network(aws("a"), extra) }, { ws: network(aws("b"), extra) });
    expect(change(report, "ws", "aws_kms_key.west")?.attributes.map((a) => a.path)).toEqual(["tags_all.Team"]);
    expect(change(report, "ws", "aws_vpc.vpc")).toBeUndefined();
  });
});

describe("review: an AWS provider region change", () => {
  const report = compare(
    { ws: network(tagged("us-east-1", { Team: "data" }), { aws_cloudwatch_log_group: { pinned: { name: "x", region: "us-east-1" } } }) },
    { ws: network(tagged("eu-west-1", { Team: "data" }), { aws_cloudwatch_log_group: { pinned: { name: "x", region: "us-east-1" } } }) },
  );

  test("replaces every regional resource, and what is built on them, with the chain", () => {
    expect(change(report, "ws", "aws_vpc.vpc")).toMatchObject({
      action: "replace",
      attributes: [{ path: "region", before: '"us-east-1"', after: '"eu-west-1"', forcesReplacement: true }],
    });
    expect(change(report, "ws", "aws_vpc.vpc")?.reasons).toContain(
      'provider aws region "us-east-1"→"eu-west-1": every regional resource is recreated in the new region',
    );
    expect(change(report, "ws", "aws_subnet.private")?.action).toBe("replace");
    expect(change(report, "ws", "aws_route.default")?.action).toBe("replace");
    expect(change(report, "ws", "databricks_mws_networks.network")).toMatchObject({ action: "replace" });
    expect(change(report, "ws", "databricks_mws_networks.network")?.reasons[0]).toMatch(
      /^replaced because aws_vpc\.vpc \(region "us-east-1"→"eu-west-1"\) → databricks_mws_networks\.network \(vpc_id\)/,
    );
    expect(exitCodeFor(report, false)).toBe(2);
  });

  test("leaves IAM (global) and a resource that sets its own region alone", () => {
    expect(change(report, "ws", "aws_iam_role.role")).toBeUndefined();
    expect(change(report, "ws", "aws_cloudwatch_log_group.pinned")).toBeUndefined();
  });
});

describe("review: a Databricks provider whose host follows a replaced workspace", () => {
  test("replaces every object of the config stack, with the chain across stacks", () => {
    const workspace = (name: string) =>
      stack("ws", {
        resources: { databricks_mws_workspaces: { workspace: { account_id: "acc", workspace_name: name, aws_region: "us-east-1" } } },
        outputs: { "cross-stack-output-workspace_url": crossStackOutput("databricks_mws_workspaces.workspace.workspace_url") },
      });
    const config = () => ({
      ...stack("ws-config", {
        resources: { databricks_entitlements: { analysts: { group_id: "g1", workspace_access: true } } },
        readsFrom: ["ws"],
      }),
      provider: { databricks: [{ host: crossStackRef("ws", "cross-stack-output-workspace_url") }] },
    });
    const report = compare({ ws: workspace("a"), "ws-config": config() }, { ws: workspace("b"), "ws-config": config() });
    const entitlements = change(report, "ws-config", "databricks_entitlements.analysts");
    expect(entitlements).toMatchObject({ action: "replace", attributes: [{ path: "provider.host", forcesReplacement: true }] });
    expect(entitlements?.reasons[0]).toBe(
      'replaced because ws/databricks_mws_workspaces.workspace (workspace_name "a"→"b") → ws-config/databricks_entitlements.analysts (provider.host)',
    );
    expect(entitlements?.reasons[1]).toMatch(/^provider databricks host changes through a reference \(see the chain\)/);
  });
});

describe("TAGGABLE_AWS_TYPES", () => {
  const awsTypes = Object.keys(FORCE_NEW_RULES).filter((type) => type.startsWith("aws_"));
  test.each(awsTypes)("%s: in the table exactly when its provider binding has tags_all", (type) => {
    const binding = join(REPO_ROOT, "node_modules/@cdktf/provider-aws/lib", type.slice(4).replaceAll("_", "-"), "index.d.ts");
    expect(existsSync(binding)).toBe(true);
    expect(TAGGABLE_AWS_TYPES.has(type)).toBe(readFileSync(binding, "utf8").includes("get tagsAll()"));
  });
});

describe("review: data sources read during apply", () => {
  // A log group whose tags change, a policy document naming its ARN, a role policy using the document,
  // and an IAM-propagation wait triggered by the role policy: the app's cross-account role, in small.
  const stackWith = (costCenter: string) => ({
    ...stack("ws", {
      resources: {
        aws_cloudwatch_log_group: { logs: { name: "/vpc/ws" } },
        aws_iam_role_policy: { policy: { role: "r", policy: "${data.aws_iam_policy_document.doc.json}" } },
        time_sleep: { wait: { create_duration: "30s", triggers: { policy: "${aws_iam_role_policy.policy.policy}" } } },
      },
      data: { aws_iam_policy_document: { doc: { statement: [{ actions: ["logs:PutLogEvents"], resources: ["${aws_cloudwatch_log_group.logs.arn}"] }] } } },
    }),
    provider: { aws: tagged("us-east-1", { CostCenter: costCenter }) },
  });

  test("a resource with changes pending makes what the data source returns known after apply", () => {
    const report = compare({ ws: stackWith("CC-1") }, { ws: stackWith("CC-2") });
    expect(change(report, "ws", "aws_iam_role_policy.policy")).toMatchObject({
      action: "update",
      attributes: [{ path: "policy", after: "(known after apply)", forcesReplacement: false }],
    });
    const wait = change(report, "ws", "time_sleep.wait");
    expect(wait?.action).toBe("maybe-replace");
    expect(wait?.reasons[0]).toBe(
      'replaced because aws_cloudwatch_log_group.logs (tags_all.CostCenter "CC-1"→"CC-2") → data.aws_iam_policy_document.doc (read during apply) → aws_iam_role_policy.policy (policy) → time_sleep.wait (triggers.policy)',
    );
    // Replacing a wait destroys nothing: the review stays green.
    expect(exitCodeFor(report, false)).toBe(0);
  });

  test("nothing pending, nothing read during apply", () => {
    const report = compare({ ws: stackWith("CC-1") }, { ws: stackWith("CC-1") });
    expect(report.stacks[0].changes).toEqual([]);
  });
});

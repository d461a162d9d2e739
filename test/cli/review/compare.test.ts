import { afterEach, describe, expect, test } from "vitest";
import { compareSynthDirs } from "../../../cli/review/compare";
import { exitCodeFor, type Report, type ResourceChange } from "../../../cli/review/report";
import { crossStackOutput, crossStackRef, reformatStack, removeTempDirs, stack, writeSynth, type Json } from "./helpers";

afterEach(removeTempDirs);

function change(report: Report, stackName: string, address: string): ResourceChange | undefined {
  return report.stacks.find((s) => s.name === stackName)?.changes.find((c) => c.address === address);
}

function compare(base: Record<string, Json>, head: Record<string, Json>): Report {
  return compareSynthDirs(writeSynth(base), writeSynth(head));
}

/** One workspace the way the app lays it out: AWS pieces, then the Databricks account objects. */
function workspace(opts: { bucket?: string; cidr?: string; tags?: Json; preventDestroy?: boolean } = {}): Json {
  const vpcId = "${aws_vpc.vpc.id}";
  return stack("ws-dev", {
    resources: {
      aws_s3_bucket: {
        root_bucket: {
          bucket: opts.bucket ?? "acme-root", tags: opts.tags ?? { Team: "data" },
          ...(opts.preventDestroy ? { lifecycle: { prevent_destroy: true } } : {}),
        },
      },
      aws_vpc: { vpc: { cidr_block: opts.cidr ?? "10.1.0.0/16", enable_dns_hostnames: true } },
      aws_subnet: {
        private_a: { vpc_id: vpcId, cidr_block: "10.1.0.0/18", availability_zone: "us-east-1a" },
        private_b: { vpc_id: vpcId, cidr_block: "10.1.64.0/18", availability_zone: "us-east-1b" },
      },
      aws_security_group: { workspace: { name: "ws-dev", vpc_id: vpcId } },
      databricks_mws_storage_configurations: {
        storage: { account_id: "acc", storage_configuration_name: "ws-dev-storage", bucket_name: "${aws_s3_bucket.root_bucket.bucket}" },
      },
      databricks_mws_networks: {
        network: {
          account_id: "acc", network_name: "ws-dev-network", vpc_id: vpcId,
          subnet_ids: ["${aws_subnet.private_a.id}", "${aws_subnet.private_b.id}"],
          security_group_ids: ["${aws_security_group.workspace.id}"],
        },
      },
      databricks_mws_workspaces: {
        workspace: {
          account_id: "acc", workspace_name: "ws-dev", aws_region: "us-east-1",
          storage_configuration_id: "${databricks_mws_storage_configurations.storage.storage_configuration_id}",
          network_id: "${databricks_mws_networks.network.network_id}",
          custom_tags: opts.tags ?? { Team: "data" },
        },
      },
    },
  });
}

describe("review: a renamed root bucket", () => {
  test("replaces the bucket, its storage configuration and the workspace, and shows the chain", () => {
    const report = compare({ "ws-dev": workspace() }, { "ws-dev": workspace({ bucket: "acme-root-2" }) });

    expect(change(report, "ws-dev", "aws_s3_bucket.root_bucket")?.action).toBe("replace");
    expect(change(report, "ws-dev", "databricks_mws_storage_configurations.storage")?.action).toBe("replace");
    const ws = change(report, "ws-dev", "databricks_mws_workspaces.workspace");
    expect(ws?.action).toBe("replace");
    expect(ws?.reasons).toContain(
      'replaced because aws_s3_bucket.root_bucket (bucket "acme-root"→"acme-root-2") → ' +
        "databricks_mws_storage_configurations.storage (bucket_name) → " +
        "databricks_mws_workspaces.workspace (storage_configuration_id)",
    );
    expect(exitCodeFor(report, false)).toBe(2);
  });

  test("follows the rename across stacks through the cross-stack output and remote state", () => {
    const aws = (bucket: string) =>
      stack("ws-dev-aws", {
        resources: { aws_s3_bucket: { root_bucket: { bucket } } },
        outputs: { "cross-stack-output-aws_s3_bucketroot_bucketbucket": crossStackOutput("aws_s3_bucket.root_bucket.bucket") },
      });
    const account = stack("ws-dev-account", {
      readsFrom: ["ws-dev-aws"],
      resources: {
        databricks_mws_storage_configurations: {
          storage: { account_id: "acc", bucket_name: crossStackRef("ws-dev-aws", "cross-stack-output-aws_s3_bucketroot_bucketbucket") },
        },
        databricks_mws_workspaces: {
          workspace: { workspace_name: "ws-dev", storage_configuration_id: "${databricks_mws_storage_configurations.storage.storage_configuration_id}" },
        },
      },
    });
    const report = compare({ "ws-dev-aws": aws("a"), "ws-dev-account": account }, { "ws-dev-aws": aws("b"), "ws-dev-account": account });

    const ws = change(report, "ws-dev-account", "databricks_mws_workspaces.workspace");
    expect(ws?.action).toBe("replace");
    expect(ws?.reasons[0]).toBe(
      'replaced because ws-dev-aws/aws_s3_bucket.root_bucket (bucket "a"→"b") → ' +
        "ws-dev-account/databricks_mws_storage_configurations.storage (bucket_name) → " +
        "ws-dev-account/databricks_mws_workspaces.workspace (storage_configuration_id)",
    );
  });

  test("does not see a change when only the local state path of the other checkout differs", () => {
    const account = (stateRoot: string) =>
      stack("ws-dev-account", {
        readsFrom: ["ws-dev-aws"], stateRoot,
        resources: { databricks_mws_storage_configurations: { storage: { bucket_name: crossStackRef("ws-dev-aws", "b") } } },
      });
    const aws = (stateRoot: string) =>
      stack("ws-dev-aws", { stateRoot, resources: { aws_s3_bucket: { root_bucket: { bucket: "a" } } }, outputs: { b: crossStackOutput("aws_s3_bucket.root_bucket.bucket") } });
    const report = compare(
      { "ws-dev-aws": aws("/tmp/base"), "ws-dev-account": account("/tmp/base") },
      { "ws-dev-aws": aws("/work/head"), "ws-dev-account": account("/work/head") },
    );
    expect(report.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});

describe("review: stacks whose files are the same on both sides", () => {
  const aws = (bucket: string) =>
    stack("ws-dev-aws", {
      resources: { aws_s3_bucket: { root_bucket: { bucket } } },
      outputs: { bucket: crossStackOutput("aws_s3_bucket.root_bucket.bucket") },
    });
  const account = stack("ws-dev-account", {
    readsFrom: ["ws-dev-aws"],
    resources: {
      databricks_mws_storage_configurations: { storage: { account_id: "acc", bucket_name: crossStackRef("ws-dev-aws", "bucket") } },
      databricks_mws_credentials: { credentials: { account_id: "acc", role_arn: "arn:aws:iam::1:role/x" } },
      databricks_group: { admins: { display_name: "admins" } },
    },
  });

  test.each([
    ["byte for byte", (_dir: string) => {}],
    ["in other whitespace and key order", (dir: string) => reformatStack(dir, "ws-dev-account")],
  ])("a stack the same %s whose upstream output changes is still evaluated", (_how, rewrite) => {
    const head = writeSynth({ "ws-dev-aws": aws("b"), "ws-dev-account": account });
    rewrite(head);
    const report = compareSynthDirs(writeSynth({ "ws-dev-aws": aws("a"), "ws-dev-account": account }), head);

    expect(change(report, "ws-dev-account", "databricks_mws_storage_configurations.storage")?.reasons[0]).toBe(
      'replaced because ws-dev-aws/aws_s3_bucket.root_bucket (bucket "a"→"b") → ws-dev-account/databricks_mws_storage_configurations.storage (bucket_name)',
    );
    expect(report.stacks.find((s) => s.name === "ws-dev-account")).toMatchObject({ status: "changed", unchanged: 2 });
  });

  test.each([
    ["byte for byte", (_dir: string) => {}],
    ["in other whitespace and key order", (dir: string) => (reformatStack(dir, "ws-dev-aws"), reformatStack(dir, "ws-dev-account"))],
  ])("stacks the same %s, reading only such stacks, are unchanged with every resource counted", (_how, rewrite) => {
    const head = writeSynth({ "ws-dev-aws": aws("a"), "ws-dev-account": account });
    rewrite(head);
    const report = compareSynthDirs(writeSynth({ "ws-dev-aws": aws("a"), "ws-dev-account": account }), head);

    expect(report.stacks).toEqual([
      { name: "ws-dev-account", status: "unchanged", changes: [], unchanged: 3 },
      { name: "ws-dev-aws", status: "unchanged", changes: [], unchanged: 1 },
    ]);
  });
});

describe("review: a new VPC CIDR", () => {
  test("replaces the VPC, everything placed in it and the network configuration; the workspace is updated in place", () => {
    const report = compare({ "ws-dev": workspace() }, { "ws-dev": workspace({ cidr: "10.2.0.0/16" }) });
    for (const address of ["aws_vpc.vpc", "aws_subnet.private_a", "aws_subnet.private_b", "aws_security_group.workspace", "databricks_mws_networks.network"]) {
      expect(change(report, "ws-dev", address)?.action, address).toBe("replace");
    }
    // network_id is in the provider's in-place allow-list (resource_mws_workspaces.go).
    expect(change(report, "ws-dev", "databricks_mws_workspaces.workspace")?.action).toBe("update");
    expect(change(report, "ws-dev", "aws_s3_bucket.root_bucket")).toBeUndefined();
    expect(change(report, "ws-dev", "aws_subnet.private_a")?.reasons[0]).toMatch(/aws_vpc\.vpc \(cidr_block "10\.1\.0\.0\/16"→"10\.2\.0\.0\/16"\) → aws_subnet\.private_a \(vpc_id\)/);
  });
});

describe("review: stacks that appear or disappear", () => {
  test("a removed stack is not destroyed by deploy: every resource in it is orphaned, exit code 2 (lifecycle.test.ts)", () => {
    const report = compare({ "ws-dev": workspace(), "ws-prod": workspace() }, { "ws-dev": workspace() });
    const removed = report.stacks.find((s) => s.name === "ws-prod");
    expect(removed).toMatchObject({ status: "removed", removal: "orphaned" });
    expect(removed?.changes).toHaveLength(8);
    expect(removed?.changes.every((c) => c.action === "orphan")).toBe(true);
    expect(exitCodeFor(report, false)).toBe(2);
  });

  test("an added stack (an onboarded region) only adds, exit code 0", () => {
    const report = compare({ "ws-dev": workspace() }, { "ws-dev": workspace(), "ws-euw1-dev": workspace() });
    const added = report.stacks.find((s) => s.name === "ws-euw1-dev");
    expect(added?.status).toBe("added");
    expect(added?.changes.every((c) => c.action === "create")).toBe(true);
    expect(report.stacks.find((s) => s.name === "ws-dev")?.status).toBe("unchanged");
    expect(exitCodeFor(report, false)).toBe(0);
  });
});

describe("review: in-place changes", () => {
  test("a tag change updates in place and lists the tag paths, exit code 0", () => {
    const report = compare({ "ws-dev": workspace() }, { "ws-dev": workspace({ tags: { Team: "platform" } }) });
    const bucket = change(report, "ws-dev", "aws_s3_bucket.root_bucket");
    expect(bucket?.action).toBe("update");
    expect(bucket?.attributes.map((a) => a.path)).toEqual(["tags.Team"]);
    expect(change(report, "ws-dev", "databricks_mws_workspaces.workspace")?.action).toBe("update");
    expect(exitCodeFor(report, false)).toBe(0);
  });

  test("a resource replaced for another reason keeps its configured name: references to it do not change", () => {
    const base = stack("s", {
      resources: {
        aws_s3_bucket: { root: { bucket: "acme-root", object_lock_enabled: false } },
        aws_s3_bucket_policy: { byName: { bucket: "${aws_s3_bucket.root.bucket}", policy: "{}" } },
        aws_s3_bucket_versioning: { byId: { bucket: "${aws_s3_bucket.root.id}" } },
      },
    });
    const head = structuredClone(base);
    ((head.resource as Json).aws_s3_bucket as Record<string, Json>).root.object_lock_enabled = true;
    const report = compare({ s: base }, { s: head });
    expect(change(report, "s", "aws_s3_bucket.root")?.action).toBe("replace");
    expect(change(report, "s", "aws_s3_bucket_policy.byName")).toBeUndefined();
    expect(change(report, "s", "aws_s3_bucket_versioning.byId")?.action).toBe("replace");
  });
});

describe("review: uncertain replacements", () => {
  test("a type missing from the force-new table may be replaced", () => {
    const base = stack("s", { resources: { aws_lb: { lb: { name: "a", idle_timeout: 60 } } } });
    const head = stack("s", { resources: { aws_lb: { lb: { name: "a", idle_timeout: 90 } } } });
    const lb = change(compare({ s: base }, { s: head }), "s", "aws_lb.lb");
    expect(lb?.action).toBe("maybe-replace");
    expect(lb?.reasons.join(" ")).toMatch(/not in the force-new table/);
  });

  test("a data source with new inputs makes what it feeds known after apply", () => {
    const make = (state: string) =>
      stack("s", {
        data: { aws_availability_zones: { azs: { state } } },
        resources: {
          aws_subnet: { a: { vpc_id: "vpc-1", availability_zone: "${element(data.aws_availability_zones.azs.names, 0)}" } },
          aws_vpc: { v: { cidr_block: "10.0.0.0/16", tags: { Zone: "${data.aws_availability_zones.azs.names[0]}" } } },
        },
      });
    const report = compare({ s: make("available") }, { s: make("information") });
    expect(change(report, "s", "aws_subnet.a")?.action).toBe("maybe-replace");
    const vpc = change(report, "s", "aws_vpc.v");
    expect(vpc?.action).toBe("update");
    expect(vpc?.attributes[0]).toMatchObject({ path: "tags.Zone", after: "(known after apply)" });
  });
});

describe("review: prevent_destroy", () => {
  test("a replaced resource with prevent_destroy is flagged: terraform will refuse", () => {
    const report = compare({ "ws-dev": workspace({ preventDestroy: true }) }, { "ws-dev": workspace({ bucket: "x", preventDestroy: true }) });
    expect(change(report, "ws-dev", "aws_s3_bucket.root_bucket")?.blocked).toBe("blocked: terraform will refuse (prevent_destroy)");
    expect(change(report, "ws-dev", "databricks_mws_workspaces.workspace")?.blocked).toBeUndefined();
  });

  test("a resource block removed with its prevent_destroy is NOT blocked, and the report says terraform will destroy it", () => {
    const base = stack("s", { resources: { aws_s3_bucket: { root: { bucket: "r", lifecycle: { prevent_destroy: true } } } } });
    const removed = change(compare({ s: base }, { s: stack("s", {}) }), "s", "aws_s3_bucket.root");
    expect(removed?.action).toBe("delete");
    expect(removed?.blocked).toBeUndefined();
    expect(removed?.reasons.join(" ")).toMatch(/terraform WILL destroy it/);
  });
});

describe("review: security group rules", () => {
  const rule = (source: Json) => stack("s", { resources: { aws_vpc_security_group_egress_rule: { r: { security_group_id: "sg-1", ip_protocol: "tcp", ...source } } } });
  test("changing the CIDR updates in place; switching the source type replaces", () => {
    const cidrA = rule({ cidr_ipv4: "10.0.0.0/8" });
    expect(change(compare({ s: cidrA }, { s: rule({ cidr_ipv4: "10.1.0.0/16" }) }), "s", "aws_vpc_security_group_egress_rule.r")?.action).toBe("update");
    const switched = change(compare({ s: cidrA }, { s: rule({ referenced_security_group_id: "sg-2" }) }), "s", "aws_vpc_security_group_egress_rule.r");
    expect(switched?.action).toBe("replace");
    expect(switched?.attributes[0]).toEqual({
      path: "referenced_security_group_id", before: '"cidr_ipv4"', after: '"referenced_security_group_id"', forcesReplacement: true,
    });
  });
});

import { describe, expect, test } from "vitest";
import { cidrContains, cidrsOverlap, netmaskOf } from "../../../domain/network";
import { addressOf, configFromText, dataSourcesOf, ref, resourcesOf, shippedConfig, shippedRegionsText, synthApp, workspaceStacksOf } from "../../utils";

const STACKS = [
  "acme-data-use1-dev",
  "acme-data-use1-prod",
  "acme-data-euw1-dev",
  "acme-data-euw1-prod",
  "acme-data-apse2-dev",
  "acme-data-apse2-prod",
];

describe("WorkspaceStack: one stack per workspace from the shipped regions.yaml", () => {
  const stacks = workspaceStacksOf(synthApp(shippedConfig()));
  const each = [...stacks.entries()];

  test("six workspace stacks named <company>-<domain>-<region code>-<env>", () => {
    expect([...stacks.keys()].sort()).toEqual([...STACKS].sort());
  });

  test("every VPC CIDR is distinct and overlaps no other", () => {
    const cidrs = each.map(([, stack]) => String(resourcesOf(stack, "aws_vpc")[0].cidr_block));
    expect(new Set(cidrs).size).toBe(6);
    for (const [i, a] of cidrs.entries()) {
      for (const b of cidrs.slice(i + 1)) expect(cidrsOverlap(a, b), `${a} vs ${b}`).toBe(false);
    }
  });

  test.each(STACKS)("%s: the workspace network has ≥ 2 private subnets in distinct AZs, /20 or larger, inside its VPC", (name) => {
    const stack = stacks.get(name)!;
    const vpcCidr = String(resourcesOf(stack, "aws_vpc")[0].cidr_block);
    const [network] = resourcesOf(stack, "databricks_mws_networks");
    const subnetIds = network.subnet_ids as string[];
    const subnets = Object.entries(stack.resource!.aws_subnet)
      .filter(([id]) => subnetIds.includes(ref(`aws_subnet.${id}`, "id")))
      .map(([, body]) => body);
    expect(subnets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(subnets.map((s) => s.availability_zone)).size).toBe(subnets.length);
    for (const subnet of subnets) {
      expect(netmaskOf(String(subnet.cidr_block))).toBeLessThanOrEqual(20);
      expect(cidrContains(vpcCidr, String(subnet.cidr_block))).toBe(true);
    }
  });

  test.each(STACKS)("%s: root bucket and role names follow the convention exactly", (name) => {
    const stack = stacks.get(name)!;
    expect(resourcesOf(stack, "aws_s3_bucket").map((b) => b.bucket)).toEqual([`${name}-root`]);
    expect(resourcesOf(stack, "aws_iam_role").map((r) => r.name)).toContain(`${name}-crossaccount`);
    // deploymentNamePrefix acme: deployment_name drops it, so the URL is acme-<…> = the workspace name.
    expect(resourcesOf(stack, "databricks_mws_workspaces")[0]).toMatchObject({ workspace_name: name, deployment_name: name.replace(/^acme-/, "") });
  });

  test("a regions file without deploymentNamePrefix leaves deployment_name to Databricks", () => {
    const withoutPrefix = synthApp(configFromText(shippedRegionsText.replace(/^deploymentNamePrefix: .*\n/m, "")));
    for (const name of STACKS) expect(resourcesOf(withoutPrefix.get(name)!, "databricks_mws_workspaces")[0]).not.toHaveProperty("deployment_name");
  });

  test.each(STACKS)("%s: the restricted cross-account policy is wired to this stack's VPC and security group", (name) => {
    const stack = stacks.get(name)!;
    expect(dataSourcesOf(stack, "databricks_aws_crossaccount_policy")[0]).toMatchObject({
      policy_type: "restricted",
      vpc_id: ref(addressOf(stack, "aws_vpc"), "id"),
      security_group_id: ref(addressOf(stack, "aws_security_group", (group) => group.name === `${name}-workspace`), "id"),
    });
  });

  test("AWS providers tag everything with cost tags + Environment + Region; Databricks uses the account host", () => {
    const stack = stacks.get("acme-data-euw1-prod")!;
    expect(stack.provider?.aws).toEqual([
      {
        region: "eu-west-1",
        default_tags: [
          {
            tags: {
              CostCenter: "CC-4410",
              Project: "lakehouse",
              Team: "data-platform",
              Owner: "data-platform@acme.example",
              Environment: "prod",
              Region: "eu-west-1",
            },
          },
        ],
      },
    ]);
    expect(stack.provider?.databricks).toEqual([
      { host: "https://accounts.cloud.databricks.com", account_id: "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d" },
    ]);
  });

  test("prod workspaces are protected from destroy, dev ones are not; NAT per AZ in prod, single in dev", () => {
    const prod = stacks.get("acme-data-use1-prod")!;
    const dev = stacks.get("acme-data-use1-dev")!;
    expect(resourcesOf(prod, "databricks_mws_workspaces")[0]).toMatchObject({ lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(dev, "databricks_mws_workspaces")[0]).not.toHaveProperty("lifecycle");
    expect(resourcesOf(prod, "aws_nat_gateway")).toHaveLength(3);
    expect(resourcesOf(dev, "aws_nat_gateway")).toHaveLength(1);
  });

  test("remote state: S3 key per stack, encrypted, S3-native locking", () => {
    expect(stacks.get("acme-data-apse2-dev")!.terraform?.backend).toEqual({
      s3: {
        bucket: "acme-data-terraform-state",
        region: "us-east-1",
        key: "databricks-workspaces/acme-data-apse2-dev.tfstate",
        encrypt: true,
        kms_key_id: "arn:aws:kms:us-east-1:123456789012:alias/acme-data-terraform-state",
        use_lockfile: true,
      },
    });
  });

  test("workspace id and URL are outputs for the stacks that configure the workspace", () => {
    const stack = stacks.get("acme-data-use1-prod")!;
    const workspace = addressOf(stack, "databricks_mws_workspaces");
    expect(stack.output).toMatchObject({
      workspace_id: { value: ref(workspace, "workspace_id") },
      workspace_url: { value: ref(workspace, "workspace_url") },
    });
  });
});

/**
 * The workspace lifecycle in the synthesized stacks of the real app: an adopted workspace gets
 * import blocks, keeps its names and keeps prevent_destroy; a decommissioned region's stacks stay in
 * the synth with no prevent_destroy, and only that region's.
 */
import { describe, expect, test } from "vitest";
import { stackNames } from "../../../app/compose";
import { workspaceResourceNames } from "../../../domain/naming";
import { adoptUse1Dev, decommission, FULL_ADOPTION, withMetastore } from "../../fixtures/lifecycle-edits";
import { addressOf, configFromText, resourcesOf, shippedRegionsText, synthApp, type StackJson } from "../../utils";

const USE1_DEV = workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "us-east-1", environment: "dev" });
const ACCOUNT = "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d";
const METASTORE = "11111111-2222-4333-8444-555555555555";

const synth = (text: string) => synthApp(configFromText(text));
const importsOf = (stack: StackJson) => stack.import ?? [];
const lifecycleOf = (stack: StackJson, type: string) => resourcesOf(stack, type).map((body) => body.lifecycle);

describe("adopt: the workspace id alone", () => {
  const stacks = synth(adoptUse1Dev(shippedRegionsText, { workspaceId: '"1234567890123456"' }));
  const stack = stacks.get(USE1_DEV.stack)!;

  test("one import block: into that stack's databricks_mws_workspaces, id <account_id>/<workspace_id>", () => {
    expect(importsOf(stack)).toEqual([{ to: addressOf(stack, "databricks_mws_workspaces"), id: `${ACCOUNT}/1234567890123456` }]);
    for (const [name, other] of stacks) if (name !== USE1_DEV.stack) expect(importsOf(other), name).toEqual([]);
  });

  test("the adopted workspace keeps prevent_destroy (dev is not protected) and its own URL (no deployment_name)", () => {
    const [workspace] = resourcesOf(stack, "databricks_mws_workspaces");
    expect(workspace).toMatchObject({ workspace_name: USE1_DEV.workspace, lifecycle: { prevent_destroy: true } });
    expect(workspace.deployment_name).toBeUndefined();
  });
});

describe("adopt: every id", () => {
  const text = withMetastore(adoptUse1Dev(shippedRegionsText, { ...FULL_ADOPTION, metastoreAssignment: METASTORE }), "us-east-1", METASTORE);
  const stack = synth(text).get(USE1_DEV.stack)!;
  const imported = new Map(importsOf(stack).map((entry) => [entry.to, entry.id]));
  const at = (type: string, where?: (body: Record<string, unknown>) => boolean) => imported.get(addressOf(stack, type, where));

  test("each existing object is imported by the id its provider docs give", () => {
    expect(at("databricks_mws_workspaces")).toBe(`${ACCOUNT}/1234567890123456`);
    expect(at("databricks_mws_credentials")).toBe(`${ACCOUNT}/${FULL_ADOPTION.credentialsId}`);
    expect(at("databricks_mws_storage_configurations")).toBe(`${ACCOUNT}/${FULL_ADOPTION.storageConfigurationId}`);
    expect(at("databricks_mws_networks")).toBe(`${ACCOUNT}/${FULL_ADOPTION.networkId}`);
    // A pipe, not a slash (provider docs/resources/metastore_assignment.md).
    expect(at("databricks_metastore_assignment")).toBe(`1234567890123456|${METASTORE}`);
    expect(at("aws_vpc")).toBe(FULL_ADOPTION.vpcId);
    expect(at("aws_security_group", (body) => body.name === USE1_DEV.securityGroup)).toBe(FULL_ADOPTION.securityGroupId);
    expect(at("aws_iam_role", (body) => body.name === FULL_ADOPTION.crossAccountRoleName)).toBe(FULL_ADOPTION.crossAccountRoleName);
    const privateSubnets = ["us-east-1a", "us-east-1b", "us-east-1c"].map((az) => at("aws_subnet", (body) => body.availability_zone === az && String(body.cidr_block).endsWith("/18")));
    expect(privateSubnets).toEqual(["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718", "subnet-2a1b2c3d4e5f60718"]);
    for (const type of ["aws_s3_bucket", "aws_s3_bucket_policy", "aws_s3_bucket_public_access_block", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration"]) {
      expect(at(type), type).toBe(FULL_ADOPTION.rootBucket);
    }
    // 11 objects, 3 subnets, and the bucket's 5 settings.
    expect(imported.size).toBe(17);
  });

  test("never imported: what the docs say cannot be, a secret that exists only at creation, a wait", () => {
    const types = importsOf(stack).map((entry) => entry.to.split(".")[0]);
    for (const type of ["databricks_mws_vpc_endpoint", "databricks_mws_log_delivery", "databricks_service_principal_secret", "time_sleep"]) expect(types).not.toContain(type);
  });

  test("nothing adopted is renamed; its other objects keep the convention's names", () => {
    expect(resourcesOf(stack, "databricks_mws_workspaces")[0].workspace_name).toBe(FULL_ADOPTION.name);
    expect(resourcesOf(stack, "aws_s3_bucket").map((body) => body.bucket)).toEqual([FULL_ADOPTION.rootBucket]);
    expect(resourcesOf(stack, "aws_iam_role").map((body) => body.name)).toContain(FULL_ADOPTION.crossAccountRoleName);
    expect(resourcesOf(stack, "aws_iam_role").map((body) => body.name)).toContain(USE1_DEV.flowLogRole);
    expect(stack["//"]?.lifecycle).toEqual({ adopted: { workspaceName: FULL_ADOPTION.name, conventionName: USE1_DEV.workspace } });
  });

  test("every imported object refuses destruction; Databricks configurations keep the names they have", () => {
    for (const { to } of importsOf(stack)) {
      const [type, name] = to.split(".");
      expect((stack.resource![type][name].lifecycle as { prevent_destroy?: boolean }).prevent_destroy, to).toBe(true);
    }
    expect(lifecycleOf(stack, "databricks_mws_credentials")).toEqual([{ prevent_destroy: true, ignore_changes: ["credentials_name"] }]);
    expect(lifecycleOf(stack, "databricks_mws_storage_configurations")).toEqual([{ prevent_destroy: true, ignore_changes: ["storage_configuration_name"] }]);
    expect(lifecycleOf(stack, "databricks_mws_networks")).toEqual([{ prevent_destroy: true, ignore_changes: ["network_name"] }]);
  });
});

describe("decommission: true on one region", () => {
  const config = configFromText(decommission(shippedRegionsText, "ap-southeast-2"));
  const stacks = synthApp(config);
  const region = (name: string) => name.includes("-apse2-");

  test("its stacks stay in the synth, with no prevent_destroy in them, and say so", () => {
    const mine = [...stacks.keys()].filter(region);
    expect(mine.sort()).toEqual(stackNames(config).filter(region).sort());
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const name of mine) {
      const { "//": comment, ...rest } = stacks.get(name)!;
      expect(JSON.stringify(rest), name).not.toContain("prevent_destroy");
      expect(comment?.lifecycle, name).toEqual({ decommission: { region: "ap-southeast-2" } });
    }
  });

  test("its buckets still refuse to empty themselves (force_destroy stays false)", () => {
    for (const name of [...stacks.keys()].filter(region)) for (const bucket of resourcesOf(stacks.get(name)!, "aws_s3_bucket")) expect(bucket.force_destroy).toBe(false);
  });

  test("other regions keep their protection, and the account stack keeps the region's metastore, protected", () => {
    for (const [name, stack] of stacks) {
      if (region(name) || name.endsWith("-config") || name.endsWith("-account")) continue;
      expect(lifecycleOf(stack, "aws_s3_bucket"), name).toEqual([{ prevent_destroy: true }]);
      if (name.endsWith("-prod")) expect(lifecycleOf(stack, "databricks_mws_workspaces"), name).toEqual([{ prevent_destroy: true }]);
    }
    const metastore = resourcesOf(stacks.get("acme-data-account")!, "databricks_metastore").find((body) => body.region === "ap-southeast-2");
    expect(metastore?.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("an adopted workspace in a decommissioned region keeps its names and imports nothing", () => {
    const text = decommission(adoptUse1Dev(shippedRegionsText, FULL_ADOPTION), "us-east-1");
    const stack = synth(text).get(USE1_DEV.stack)!;
    expect(importsOf(stack)).toEqual([]);
    expect(resourcesOf(stack, "databricks_mws_workspaces")[0].workspace_name).toBe(FULL_ADOPTION.name);
    expect(JSON.stringify(stack.resource)).not.toContain("prevent_destroy");
  });
});

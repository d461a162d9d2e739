import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { S3Backend, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { DatabricksProvider } from "@cdktf/provider-databricks/lib/provider";
import { MwsNetworks } from "@cdktf/provider-databricks/lib/mws-networks";
import { awsOnlyStack, OFFLINE_PROVIDER_FLAGS, type AwsOnlyResult } from "./aws-only";
import { policyDataSourceName } from "./placeholders";
import { shippedConfig, synthApp, testApp, type StackJson } from "../utils";

const OPTIONS = { awsProviderVersion: "5.100.0" };

type Copy = Extract<AwsOnlyResult, { status: "aws-only" }>;
type Blocks = Record<string, Record<string, Record<string, unknown>>>;

function awsOnly(stack: unknown, options: Partial<Parameters<typeof awsOnlyStack>[1]> = {}): Copy {
  const result = awsOnlyStack(stack, { ...OPTIONS, ...options });
  if (result.status !== "aws-only") throw new Error(`expected an AWS-only copy, got skipped: ${result.reason}`);
  return result;
}

const resources = (copy: Copy) => copy.json.resource as Blocks;
const dataSources = (copy: Copy) => (copy.json.data ?? {}) as Blocks;
const only = <T>(record: Record<string, T> | undefined): T => {
  const values = Object.values(record ?? {});
  if (values.length !== 1) throw new Error(`expected one, found ${values.length}`);
  return values[0];
};

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const DROPPED_REFERENCE = /\$\{[^}]*\b(data\.databricks_|databricks_\w+\.|time_sleep\.|data\.terraform_remote_state\.)/;

describe("awsOnlyStack: the AWS half of every synthesized stack of the shipped regions.yaml", () => {
  const stacks = synthApp(shippedConfig());
  const workspaceStacks = [...stacks].filter(([name]) => /-(dev|prod)(-config)?$/.test(name));
  const copies = new Map([...stacks].map(([name, stack]) => [name, awsOnlyStack(stack, OPTIONS)]));
  const prod = copies.get("acme-data-use1-prod") as Copy;

  test("every stack keeps its AWS half, config stacks too (their catalog bucket and Unity Catalog roles)", () => {
    for (const [name, copy] of copies) expect(copy.status, name).toBe("aws-only");
    expect(workspaceStacks.length).toBeGreaterThanOrEqual(12);
  });

  test("a Unity Catalog role's trust and access policies become policy documents; its credential's external id a placeholder", () => {
    const config = copies.get("acme-data-use1-prod-config") as Copy;
    const synth = stacks.get("acme-data-use1-prod-config") as StackJson;
    const [accessName] = Object.entries(synth.data!.databricks_aws_unity_catalog_policy).find(([, body]) => body.bucket_name === "acme-landing-use1")!;
    const access = dataSources(config).aws_iam_policy_document[policyDataSourceName(accessName)];
    expect((access.statement as { resources: string[] }[])[0].resources).toEqual(["arn:aws:s3:::acme-landing-use1", "arn:aws:s3:::acme-landing-use1/*"]);
    const [trustName] = Object.keys(synth.data!.databricks_aws_unity_catalog_assume_role_policy);
    const trust = dataSources(config).aws_iam_policy_document[policyDataSourceName(trustName)];
    const conditions = (trust.statement as { condition: { variable: string; values: string[] }[] }[])[0].condition;
    expect(conditions).toContainEqual(expect.objectContaining({ variable: "placeholder:external_id", values: [expect.stringMatching(/^placeholder-databricks_storage_credential-/)] }));
  });

  test.each(workspaceStacks.map(([name]) => name))("%s: no databricks or time block, provider or reference remains", (name) => {
    const copy = copies.get(name) as Copy;
    const types = [...Object.keys(resources(copy)), ...Object.keys(dataSources(copy))];
    expect(types.filter((type) => /^(databricks|time)_|^terraform_remote_state$/.test(type))).toEqual([]);
    expect(Object.keys(copy.json.provider as object)).toEqual(["aws"]);
    expect(strings(copy.json).filter((text) => DROPPED_REFERENCE.test(text))).toEqual([]);
    expect(copy.dropped.length).toBeGreaterThan(10);
    // Every AWS resource of the synth is still there.
    const synthAws = Object.entries((stacks.get(name) as StackJson).resource ?? {}).filter(([type]) => type.startsWith("aws_"));
    expect(copy.awsResources).toBe(synthAws.reduce((sum, [, instances]) => sum + Object.keys(instances).length, 0));
  });

  test("the backend is local and required_providers keeps aws only, pinned to the mirror's version", () => {
    expect((stacks.get("acme-data-use1-prod") as StackJson).terraform).toHaveProperty("backend.s3");
    expect(prod.json.terraform).toEqual({
      backend: { local: { path: "terraform.tfstate" } },
      required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } },
    });
  });

  test("the AWS provider keeps region and default_tags and gets the offline flags", () => {
    const [aws] = (prod.json.provider as { aws: Record<string, unknown>[] }).aws;
    expect(aws).toMatchObject({ region: "us-east-1", ...OFFLINE_PROVIDER_FLAGS });
    expect(aws.default_tags).toEqual([{ tags: expect.objectContaining({ CostCenter: expect.any(String), Environment: "prod" }) }]);
  });

  test("a Databricks policy data source becomes an aws_iam_policy_document carrying its inputs", () => {
    const synth = stacks.get("acme-data-use1-prod") as StackJson;
    const [crossAccountName, crossAccount] = Object.entries(synth.data!.databricks_aws_crossaccount_policy)[0];
    const placeholder = dataSources(prod).aws_iam_policy_document[policyDataSourceName(crossAccountName)];
    const conditions = (placeholder.statement as { condition: { variable: string; values: string[] }[] }[])[0].condition;
    // The restricted policy's scope (VPC, security group) stays a reference, so a new VPC changes the policy.
    expect(conditions).toContainEqual({ test: "StringEquals", variable: "placeholder:vpc_id", values: [crossAccount.vpc_id] });
    expect(crossAccount.vpc_id).toMatch(/^\$\{aws_vpc\.[\w-]+\.id\}$/);
    const rolePolicies = Object.values(resources(prod).aws_iam_role_policy).map((body) => body.policy);
    expect(rolePolicies).toContain(`\${data.aws_iam_policy_document.${policyDataSourceName(crossAccountName)}.json}`);
    expect(prod.placeholders.get(`data.databricks_aws_crossaccount_policy.${crossAccountName}.json`)).toBe("policy");
  });

  test("the root bucket policy merges the placeholder of the Databricks bucket policy", () => {
    const documents = dataSources(prod).aws_iam_policy_document;
    const merged = Object.values(documents).find((doc) => Array.isArray(doc.source_policy_documents))!;
    expect(merged.source_policy_documents).toEqual([expect.stringMatching(/^\$\{data\.aws_iam_policy_document\.placeholder_[\w-]+\.json\}$/)]);
  });

  test("ids, numbers and remote-state outputs become placeholders of their kind", () => {
    const outputs = prod.json.output as Record<string, { value: unknown }>;
    expect(outputs.workspace_id.value).toBe(0);
    expect(outputs.workspace_url.value).toMatch(/^placeholder-databricks_mws_workspaces-[\w-]+-workspace_url$/);
    const secret = only(resources(prod).aws_secretsmanager_secret_version);
    // Inside an expression a reference becomes a quoted literal; jsonencode still gets an object.
    expect(secret.secret_string).toMatch(/^\$\{jsonencode\(\{"host" = "placeholder-databricks_mws_workspaces-[\w-]+-workspace_url"/);
    expect(prod.placeholderFed.get(`aws_secretsmanager_secret_version.${Object.keys(resources(prod).aws_secretsmanager_secret_version)[0]}`))
      .toEqual(new Set(["secret_string"]));
    expect([...prod.placeholders.values()]).toEqual(expect.arrayContaining(["policy", "string", "number"]));
  });

  test("depends_on keeps AWS addresses and loses dropped ones", () => {
    const dependsOn = Object.values(resources(prod)).flatMap((instances) => Object.values(instances)).flatMap((body) => (body.depends_on as string[]) ?? []);
    expect(dependsOn.length).toBeGreaterThan(0);
    expect(dependsOn.every((address) => address.startsWith("aws_"))).toBe(true);
  });

  test("prevent_destroy stays unless asked to go", () => {
    const bucket = (copy: Copy) => Object.values(resources(copy).aws_s3_bucket)[0];
    expect(bucket(prod).lifecycle).toEqual({ prevent_destroy: true });
    expect(bucket(awsOnly(stacks.get("acme-data-use1-prod"), { keepPreventDestroy: false }))).not.toHaveProperty("lifecycle");
  });
});

describe("awsOnlyStack: references in every position", () => {
  const stack = {
    terraform: { backend: { s3: { bucket: "state" } }, required_providers: { aws: { source: "aws", version: "6.25.0" }, databricks: { source: "databricks/databricks" } } },
    provider: { aws: [{ region: "eu-west-1" }], databricks: [{ host: "https://accounts.cloud.databricks.com" }] },
    data: {
      terraform_remote_state: { upstream: { backend: "s3", config: { bucket: "state", key: "a.tfstate" } } },
      databricks_aws_assume_role_policy: { trust: { external_id: "ext-1" } },
    },
    resource: {
      databricks_mws_networks: { net: { network_name: "n" } },
      time_sleep: { wait: { create_duration: "30s" } },
      aws_iam_role: {
        role: {
          name: "r",
          assume_role_policy: "${data.databricks_aws_assume_role_policy.trust.json}",
          description: "net ${databricks_mws_networks.net.network_id} in ${aws_vpc.v.id}",
          tags: { Network: "${databricks_mws_networks.net.network_id}", Literal: "${\"databricks_mws_networks.net.id\"}" },
          depends_on: ["time_sleep.wait", "aws_vpc.v", "${databricks_mws_networks.net}"],
          lifecycle: { replace_triggered_by: ["time_sleep.wait", "aws_vpc.v.id"] },
        },
      },
      aws_vpc: { v: { cidr_block: "10.0.0.0/16" } },
      aws_security_group: {
        sg: {
          vpc_id: "${data.terraform_remote_state.upstream.outputs.vpc_id}",
          description: "${upper(databricks_mws_networks.net.network_id)}",
        },
      },
      aws_vpc_endpoint: { e: { vpc_id: "${aws_vpc.v.id}", subnet_ids: "${databricks_mws_networks.net.subnet_ids}", service_name: "s" } },
    },
  };
  const copy = awsOnly(stack);
  const role = resources(copy).aws_iam_role.role;

  test.each([
    ["a whole string", role.assume_role_policy, `\${data.aws_iam_policy_document.${policyDataSourceName("trust")}.json}`],
    ["inside a template, next to an AWS reference", role.description, "net placeholder-databricks_mws_networks-net-network_id in ${aws_vpc.v.id}"],
    ["a map value", (role.tags as Record<string, string>).Network, "placeholder-databricks_mws_networks-net-network_id"],
    ["a quoted literal that only looks like a reference", (role.tags as Record<string, string>).Literal, '${"databricks_mws_networks.net.id"}'],
    ["a remote-state output", resources(copy).aws_security_group.sg.vpc_id, "placeholder-terraform_remote_state-upstream-vpc_id"],
    ["an argument of a function", resources(copy).aws_security_group.sg.description, '${upper("placeholder-databricks_mws_networks-net-network_id")}'],
    ["a list attribute (…_ids)", resources(copy).aws_vpc_endpoint.e.subnet_ids, ["placeholder-databricks_mws_networks-net-subnet_id"]],
  ])("%s", (_position, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test("depends_on and replace_triggered_by keep only what is still there", () => {
    expect(role.depends_on).toEqual(["aws_vpc.v"]);
    expect(role.lifecycle).toEqual({ replace_triggered_by: ["aws_vpc.v.id"] });
  });

  test("dropped blocks are listed and the remote state is gone", () => {
    expect([...copy.dropped].sort()).toEqual([
      "data.databricks_aws_assume_role_policy.trust",
      "data.terraform_remote_state.upstream",
      "databricks_mws_networks.net",
      "time_sleep.wait",
    ]);
    expect(Object.keys(dataSources(copy))).toEqual(["aws_iam_policy_document"]);
    expect(dataSources(copy).aws_iam_policy_document[policyDataSourceName("trust")]).toMatchObject({
      statement: [{ actions: ["sts:AssumeRole"], condition: [{ variable: "placeholder:external_id", values: ["ext-1"] }] }],
    });
  });

  test("keepResource drops AWS resources too, through placeholders", () => {
    const small = awsOnly(stack, { keepResource: (type) => type !== "aws_vpc" });
    expect(Object.keys(resources(small))).not.toContain("aws_vpc");
    expect(resources(small).aws_vpc_endpoint.e.vpc_id).toBe("placeholder-aws_vpc-v-id");
  });

  test("a stack with nothing from AWS left is skipped", () => {
    expect(awsOnlyStack({ resource: { databricks_mws_networks: { net: {} } }, data: { terraform_remote_state: { r: {} } } }, OPTIONS))
      .toEqual({ status: "skipped", reason: "no AWS resources", dropped: ["databricks_mws_networks.net", "data.terraform_remote_state.r"] });
  });
});

describe("awsOnlyStack: a real cross-stack reference (terraform_remote_state) from cdktf", () => {
  const app = testApp();
  const network = new TerraformStack(app, "network");
  new S3Backend(network, { bucket: "state", key: "network.tfstate", region: "us-east-1" });
  new AwsProvider(network, "aws", { region: "us-east-1" });
  const vpc = new Vpc(network, "vpc", { cidrBlock: "10.0.0.0/16" });
  const consumer = new TerraformStack(app, "consumer");
  new S3Backend(consumer, { bucket: "state", key: "consumer.tfstate", region: "us-east-1" });
  new AwsProvider(consumer, "aws", { region: "us-east-1" });
  new DatabricksProvider(consumer, "databricks", { host: "https://accounts.cloud.databricks.com" });
  new SecurityGroup(consumer, "sg", { name: "sg", vpcId: vpc.id });
  new MwsNetworks(consumer, "net", { accountId: "a", networkName: "n", vpcId: vpc.id, subnetIds: [], securityGroupIds: [] });
  // Cross-stack references become outputs + remote state only in a whole-app synth.
  app.synth();
  const synth = JSON.parse(readFileSync(join(app.outdir, "stacks", "consumer", "cdk.tf.json"), "utf8")) as StackJson;

  test("the synth reads the other stack's state; the copy holds a placeholder instead", () => {
    expect(Object.keys(synth.data ?? {})).toEqual(["terraform_remote_state"]);
    const copy = awsOnly(synth);
    const sg = only(resources(copy).aws_security_group);
    expect(sg.vpc_id).toMatch(/^placeholder-terraform_remote_state-[\w-]+-cross-stack-output-aws_vpcvpcid$/);
    expect(copy.json.data).toBeUndefined();
    expect(copy.dropped).toEqual(expect.arrayContaining([expect.stringMatching(/^data\.terraform_remote_state\./)]));
  });
});

describe("awsOnlyStack: import blocks", () => {
  const stack = {
    provider: { aws: [{ region: "us-east-1" }] },
    import: [
      { to: "aws_vpc.vpc", id: "vpc-0123456789abcdef0" },
      { to: "databricks_mws_workspaces.workspace", id: "acc/1234567890123456" },
      { to: "aws_subnet.gone", id: "subnet-0123456789abcdef0" },
    ],
    resource: {
      aws_vpc: { vpc: { cidr_block: "10.0.0.0/16" } },
      databricks_mws_workspaces: { workspace: { workspace_name: "w", network_id: "n" } },
    },
  };

  test("an import into a kept AWS resource stays; one into a dropped block or into nothing goes", () => {
    const copy = awsOnly(stack);
    expect(copy.imports).toEqual([{ to: "aws_vpc.vpc", id: "vpc-0123456789abcdef0" }]);
    expect(copy.json.import).toEqual([{ to: "aws_vpc.vpc", id: "vpc-0123456789abcdef0" }]);
  });

  test("no import key when nothing is left to import", () => {
    const copy = awsOnly({ ...stack, import: [{ to: "databricks_mws_workspaces.workspace", id: "acc/1" }] });
    expect(copy.imports).toEqual([]);
    expect("import" in copy.json).toBe(false);
  });
});

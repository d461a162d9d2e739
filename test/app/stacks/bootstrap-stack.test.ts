import { Testing } from "cdktf";
import { describe, expect, test } from "vitest";
import { BootstrapStack } from "../../../app/stacks/bootstrap-stack";
import { DEFAULT_OUTPUT_LAYOUT, stateBackendOf } from "../../../app/stacks/state-backend";
import type { RegionsConfig } from "../../../config/schema/regions";
import { configFromText, dataSourcesOf, resourcesOf, shippedRegionsText, testApp, type StackJson } from "../../utils";

function synthBootstrap(config: RegionsConfig): StackJson {
  const stack = new BootstrapStack(testApp(), config, stateBackendOf(config, DEFAULT_OUTPUT_LAYOUT));
  return JSON.parse(Testing.synth(stack)) as StackJson;
}

const shipped = synthBootstrap(configFromText(shippedRegionsText));

interface PolicyStatementJson {
  sid: string;
  effect?: string;
  actions?: string[];
  resources?: string[];
  not_resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
}

/** The statements of the policy document a resource's attribute references, by the document's name. */
function documentOf(stack: StackJson, reference: unknown): PolicyStatementJson[] {
  const name = /data\.aws_iam_policy_document\.([\w-]+)\.json/.exec(String(reference))![1];
  return (stack.data!.aws_iam_policy_document[name] as { statement: PolicyStatementJson[] }).statement;
}

const roles = (stack: StackJson) => new Map(resourcesOf(stack, "aws_iam_role").map((role) => [String(role.name), role]));
const trustOf = (stack: StackJson, role: string) => documentOf(stack, roles(stack).get(role)!.assume_role_policy)[0];
const policyOf = (stack: StackJson, role: string) =>
  documentOf(stack, resourcesOf(stack, "aws_iam_role_policy").find((policy) => policy.name === role)!.policy);
const statement = (statements: PolicyStatementJson[], sid: string) => statements.find((s) => s.sid === sid)!;

describe("BootstrapStack: the state bucket", () => {
  test("named by state.bucket, versioned, never destroyed, public access blocked", () => {
    const [bucket] = resourcesOf(shipped, "aws_s3_bucket");
    expect(bucket).toMatchObject({ bucket: "acme-data-terraform-state", force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(shipped, "aws_s3_bucket_versioning")[0]).toMatchObject({ versioning_configuration: { status: "Enabled" } });
    expect(resourcesOf(shipped, "aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
  });

  test("SSE-KMS with its own rotating key, reachable by the alias every backend names", () => {
    const [key] = resourcesOf(shipped, "aws_kms_key");
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(shipped, "aws_kms_alias")[0]).toMatchObject({ name: "alias/acme-data-terraform-state" });
    const [encryption] = resourcesOf(shipped, "aws_s3_bucket_server_side_encryption_configuration") as { rule: { apply_server_side_encryption_by_default: Record<string, string> }[] }[];
    expect(encryption.rule[0].apply_server_side_encryption_by_default).toEqual({ sse_algorithm: "aws:kms", kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.[\w-]+\.arn\}$/) });
  });

  test("TLS only: every request without aws:SecureTransport is denied", () => {
    const policy = dataSourcesOf(shipped, "aws_iam_policy_document").find((doc) => JSON.stringify(doc).includes("DenyInsecureTransport")) as { statement: PolicyStatementJson[] };
    expect(statement(policy.statement, "DenyInsecureTransport")).toMatchObject({ effect: "Deny", actions: ["s3:*"], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] });
  });

  test("its own state goes to the bucket it made, encrypted with its key", () => {
    expect(shipped.terraform).toMatchObject({
      backend: { s3: { bucket: "acme-data-terraform-state", key: "databricks-workspaces/acme-data-bootstrap.tfstate", kms_key_id: "arn:aws:kms:us-east-1:123456789012:alias/acme-data-terraform-state" } },
    });
  });
});

describe("BootstrapStack: GitHub's OIDC provider and two roles pinned to one repository", () => {
  test("the provider GitHub's docs name, for the audience the official action requests, without a thumbprint", () => {
    expect(resourcesOf(shipped, "aws_iam_openid_connect_provider")).toEqual([{ url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] }]);
  });

  test("oidcProvider: existing looks the account's provider up instead of creating a second", () => {
    const stack = synthBootstrap(configFromText(shippedRegionsText.replace("  repository: acme/databricks-workspaces\n", "  repository: acme/databricks-workspaces\n  oidcProvider: existing\n")));
    expect(resourcesOf(stack, "aws_iam_openid_connect_provider")).toEqual([]);
    expect(dataSourcesOf(stack, "aws_iam_openid_connect_provider")).toEqual([{ url: "https://token.actions.githubusercontent.com" }]);
  });

  test.each([
    ["acme-data-ci-plan", ["repo:acme/databricks-workspaces:pull_request", "repo:acme/databricks-workspaces:environment:drift"]],
    ["acme-data-ci-apply", ["repo:acme/databricks-workspaces:environment:dev", "repo:acme/databricks-workspaces:environment:prod"]],
  ])("%s trusts GitHub's tokens of exactly these subjects (StringEquals, no wildcard)", (role, subjects) => {
    const trust = trustOf(shipped, role);
    expect(trust).toMatchObject({ actions: ["sts:AssumeRoleWithWebIdentity"], principals: [{ type: "Federated", identifiers: [expect.stringMatching(/aws_iam_openid_connect_provider/)] }] });
    expect(trust.condition).toEqual([
      { test: "StringEquals", variable: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] },
      { test: "StringEquals", variable: "token.actions.githubusercontent.com:sub", values: subjects },
    ]);
  });

  test("an apply may take two hours (apply-stack.yml asks for that session), a plan one", () => {
    expect(roles(shipped).get("acme-data-ci-apply")).toMatchObject({ max_session_duration: 7200 });
    expect(roles(shipped).get("acme-data-ci-plan")).toMatchObject({ max_session_duration: 3600 });
  });

  test("both roles read with ReadOnlyAccess", () => {
    const attachments = resourcesOf(shipped, "aws_iam_role_policy_attachment").map((attachment) => attachment.policy_arn);
    expect(attachments).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]);
  });

  test("the plan role reads the state and decrypts it, and is denied secret values", () => {
    const policy = policyOf(shipped, "acme-data-ci-plan");
    expect(statement(policy, "ReadState")).toMatchObject({ effect: "Allow", actions: ["s3:GetObject"], resources: [expect.stringMatching(/\/databricks-workspaces\/\*\.tfstate$/)] });
    expect(statement(policy, "DecryptState")).toMatchObject({ actions: ["kms:Decrypt"], resources: [expect.stringMatching(/^\$\{aws_kms_key\./)] });
    expect(statement(policy, "NoSecretValues")).toMatchObject({ effect: "Deny", actions: ["secretsmanager:GetSecretValue"], resources: ["*"] });
    expect(policy.filter((s) => (s.effect ?? "Allow") === "Allow").flatMap((s) => s.actions)).not.toContain("s3:PutObject");
  });

  test("the apply role cannot touch what lets CI in, nor chain into another role", () => {
    const policy = policyOf(shipped, "acme-data-ci-apply");
    expect(statement(policy, "KeepCiIdentities")).toMatchObject({
      effect: "Deny",
      actions: ["iam:*"],
      resources: ["arn:aws:iam::123456789012:role/acme-data-ci-plan", "arn:aws:iam::123456789012:role/acme-data-ci-apply", expect.stringMatching(/openid_connect_provider/)],
    });
    expect(statement(policy, "NoRoleChaining")).toMatchObject({ effect: "Deny", actions: ["sts:AssumeRole"] });
    expect(statement(policy, "Networks").condition).toEqual([{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["us-east-1", "eu-west-1", "ap-southeast-2"] }]);
  });

  test("the immutable subject format, when both ids are given", () => {
    const stack = synthBootstrap(configFromText(shippedRegionsText.replace("  repository: acme/databricks-workspaces\n", "  repository: acme/databricks-workspaces\n  ownerId: 101\n  repositoryId: 202\n")));
    expect(trustOf(stack, "acme-data-ci-plan").condition![1].values).toEqual([
      "repo:acme@101/databricks-workspaces@202:pull_request",
      "repo:acme@101/databricks-workspaces@202:environment:drift",
    ]);
  });

  test("without a github block: the state bucket and key only", () => {
    const stack = synthBootstrap(configFromText(shippedRegionsText.replace("github:\n  repository: acme/databricks-workspaces\n", "")));
    expect(resourcesOf(stack, "aws_iam_role")).toEqual([]);
    expect(resourcesOf(stack, "aws_iam_openid_connect_provider")).toEqual([]);
    expect(resourcesOf(stack, "aws_s3_bucket")).toHaveLength(1);
  });

  test("its first run, without state: local state, and the bucket's derived name in the account stack's region", () => {
    const stack = synthBootstrap(configFromText(shippedRegionsText.replace(/^state:\n(?: {2}.*\n)+/m, "")));
    expect(stack.terraform).toMatchObject({ backend: { local: { path: "../../../terraform-state/acme-data-bootstrap.tfstate" } } });
    expect(resourcesOf(stack, "aws_s3_bucket")[0]).toMatchObject({ bucket: "acme-data-terraform-state" });
    expect(stack.provider?.aws?.[0]).toMatchObject({ region: "us-east-1" });
  });

  test("outputs name what the docs ask to copy, none of it secret", () => {
    expect(Object.keys(shipped.output ?? {}).sort()).toEqual(["apply_role_arn", "apply_subjects", "plan_role_arn", "plan_subjects", "state_bucket", "state_kms_key_arn", "state_region"]);
    expect(shipped.output!.plan_subjects).toMatchObject({ value: ["repo:acme/databricks-workspaces:pull_request", "repo:acme/databricks-workspaces:environment:drift"] });
  });
});

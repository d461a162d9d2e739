import { describe, expect, test } from "vitest";
import { applyRoleStatements, planRoleStatements, type PolicyStatement } from "../../domain/ci-policies";

const state = { bucketArn: "arn:aws:s3:::acme-data-terraform-state", keyPrefix: "databricks-workspaces", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" };
const scope = {
  awsAccountId: "123456789012",
  regions: ["us-east-1", "eu-west-1"],
  resourcePrefix: "acme-data-",
  state,
  ciRoleArns: ["arn:aws:iam::123456789012:role/acme-data-ci-plan", "arn:aws:iam::123456789012:role/acme-data-ci-apply"],
  oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
};
const allowed = (statements: PolicyStatement[]) => statements.filter((s) => s.effect === "Allow").flatMap((s) => s.actions);
const denied = (statements: PolicyStatement[]) => statements.filter((s) => s.effect === "Deny");

describe("planRoleStatements: reads, never writes", () => {
  const plan = planRoleStatements({ state });

  test("reads the state objects and decrypts them with the state key, nothing else on top of ReadOnlyAccess", () => {
    expect(plan.filter((s) => s.effect === "Allow")).toEqual([
      { sid: "ListState", effect: "Allow", actions: ["s3:ListBucket"], resources: [state.bucketArn] },
      { sid: "ReadState", effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::acme-data-terraform-state/databricks-workspaces/*.tfstate"] },
      { sid: "DecryptState", effect: "Allow", actions: ["kms:Decrypt"], resources: [state.kmsKeyArn] },
    ]);
  });

  test("denies secret values, parameters, and objects outside the state bucket (ReadOnlyAccess has s3:Get* and ssm:Get*)", () => {
    expect(denied(plan).map((s) => [s.sid, s.actions])).toEqual([
      ["NoSecretValues", ["secretsmanager:GetSecretValue"]],
      ["NoParameters", ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]],
      ["NoObjectsButState", ["s3:GetObject", "s3:GetObjectVersion"]],
    ]);
    expect(plan.find((s) => s.sid === "NoObjectsButState")!.notResources).toEqual(["arn:aws:s3:::acme-data-terraform-state/*"]);
  });
});

describe("applyRoleStatements: what the stacks create, where they create it, and not the way in", () => {
  const apply = applyRoleStatements(scope);
  const bySid = (sid: string) => apply.find((s) => s.sid === sid)!;

  test("state: objects and lock files under the key prefix, SSE-KMS with the state key", () => {
    expect(bySid("WriteState").resources).toEqual(["arn:aws:s3:::acme-data-terraform-state/databricks-workspaces/*.tfstate"]);
    expect(bySid("LockState")).toMatchObject({ actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: ["arn:aws:s3:::acme-data-terraform-state/databricks-workspaces/*.tflock"] });
    expect(bySid("EncryptState").actions).toEqual(["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]);
  });

  test("IAM, S3, logs and secrets only under the app's name prefix; no managed-policy attachment", () => {
    expect(bySid("Roles").resources).toEqual(["arn:aws:iam::123456789012:role/acme-data-*"]);
    expect(allowed(apply)).not.toContain("iam:AttachRolePolicy");
    expect(bySid("Buckets").resources).toEqual(["arn:aws:s3:::acme-data-*", "arn:aws:s3:::acme-data-*/*"]);
    expect(bySid("Secrets").resources).toEqual(["arn:aws:secretsmanager:*:123456789012:secret:databricks/acme-data-*"]);
  });

  test("regional services only in the configured regions", () => {
    for (const sid of ["Networks", "FlowLogGroups", "NewKeys", "Keys", "Secrets"]) {
      expect(bySid(sid).condition, sid).toEqual([{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["us-east-1", "eu-west-1"] }]);
    }
  });

  test("no allow names every action on every resource", () => {
    for (const statement of apply) expect(statement.actions.includes("*") && statement.resources.includes("*"), statement.sid).toBe(false);
  });

  test("denied: the CI identities, the state bucket's protection, the state key, and role chaining", () => {
    expect(denied(apply).map((s) => s.sid)).toEqual(["KeepCiIdentities", "KeepState", "KeepStateKey", "NoRoleChaining"]);
    expect(bySid("KeepCiIdentities").resources).toEqual([...scope.ciRoleArns, scope.oidcProviderArn]);
    expect(bySid("KeepState").actions).toEqual(expect.arrayContaining(["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteObjectVersion"]));
    expect(bySid("KeepStateKey")).toMatchObject({ actions: expect.arrayContaining(["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"]), resources: [state.kmsKeyArn] });
  });
});

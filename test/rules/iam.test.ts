import { describe, test } from "vitest";
import { expectCase, resources, type RuleCase } from "./helpers";

const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const ADMIN = { Effect: "Allow", Action: "*", Resource: "*" };
const document = (statement: Record<string, unknown>) => ({ data: { aws_iam_policy_document: { d: { statement: [statement] } } } });
const role = (assumeRolePolicy: string, extra: Record<string, unknown> = {}) => ({
  resource: { aws_iam_role: { r: { name: "acme-data-use1-prod-x", assume_role_policy: assumeRolePolicy } } },
  ...extra,
});
const trust = (principal: Record<string, unknown>, condition?: Record<string, unknown>) =>
  policy({ Effect: "Allow", Action: "sts:AssumeRole", Principal: principal, ...(condition ? { Condition: condition } : {}) });

const CASES: RuleCase[] = [
  { name: "a scoped inline policy", rule: "IAM-1", json: resources({ aws_iam_role_policy: { p: { policy: policy({ Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: "*" }) } } }), address: "aws_iam_role_policy.p", status: "compliant" },
  { name: "an inline policy allowing * on *", rule: "IAM-1", json: resources({ aws_iam_policy: { p: { policy: policy(ADMIN) } } }), address: "aws_iam_policy.p", status: "non-compliant", detail: 'allows action "*" on resource "*"' },
  { name: "an inline_policy block of a role allowing * on *", rule: "IAM-1", json: resources({ aws_iam_role: { r: { inline_policy: [{ name: "x", policy: policy(ADMIN) }] } } }), address: "aws_iam_role.r", status: "non-compliant", detail: 'allows action "*"' },
  { name: "a policy document denying * on *", rule: "IAM-1", json: document({ effect: "Deny", actions: ["*"], resources: ["*"] }), address: "data.aws_iam_policy_document.d", status: "compliant" },
  { name: "a policy document allowing * on * (effect defaults to Allow)", rule: "IAM-1", json: document({ actions: ["*"], resources: ["*"] }), address: "data.aws_iam_policy_document.d", status: "non-compliant", detail: 'allows action "*"' },
  { name: "a service trust", rule: "IAM-2", json: role(trust({ Service: "vpc-flow-logs.amazonaws.com" })), address: "aws_iam_role.r", status: "compliant" },
  { name: "another account with an external id", rule: "IAM-2", json: role(trust({ AWS: "arn:aws:iam::414351767826:root" }, { StringEquals: { "sts:ExternalId": "3f2c8a1e" } })), address: "aws_iam_role.r", status: "compliant" },
  { name: "another account without an external id", rule: "IAM-2", json: role(trust({ AWS: "arn:aws:iam::414351767826:root" })), address: "aws_iam_role.r", status: "non-compliant", detail: "arn:aws:iam::414351767826:root may assume it without sts:ExternalId" },
  { name: "our own account needs no external id", rule: "IAM-2", json: role(trust({ AWS: "arn:aws:iam::123456789012:role/ci" })), address: "aws_iam_role.r", status: "compliant" },
  { name: "a policy document trusting another account without a condition", rule: "IAM-2", json: role("${data.aws_iam_policy_document.t.json}", { data: { aws_iam_policy_document: { t: { statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["999999999999"] }] }] } } } }), address: "aws_iam_role.r", status: "non-compliant", detail: "999999999999 may assume it" },
  { name: "the Databricks trust with external_id", rule: "IAM-2", json: role("${data.databricks_aws_assume_role_policy.t.json}", { data: { databricks_aws_assume_role_policy: { t: { external_id: "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d" } } } }), address: "aws_iam_role.r", status: "compliant" },
  { name: "the Databricks trust without external_id", rule: "IAM-2", json: role("${data.databricks_aws_assume_role_policy.t.json}", { data: { databricks_aws_assume_role_policy: { t: {} } } }), address: "aws_iam_role.r", status: "non-compliant", detail: "sets no external_id" },
  { name: "the Unity Catalog trust with the credential's external id", rule: "IAM-2", json: role("${data.databricks_aws_unity_catalog_assume_role_policy.t.json}", { data: { databricks_aws_unity_catalog_assume_role_policy: { t: { role_name: "r", aws_account_id: "123456789012", external_id: "${databricks_storage_credential.c.aws_iam_role[0].external_id}" } } } }), address: "aws_iam_role.r", status: "compliant" },
  { name: "the Unity Catalog trust without external_id", rule: "IAM-2", json: role("${data.databricks_aws_unity_catalog_assume_role_policy.t.json}", { data: { databricks_aws_unity_catalog_assume_role_policy: { t: { role_name: "r" } } } }), address: "aws_iam_role.r", status: "non-compliant", detail: "sets no external_id" },
  { name: "a trust policy that cannot be read fails closed", rule: "IAM-2", json: role("${var.trust}"), address: "aws_iam_role.r", status: "non-compliant", detail: "cannot be read here" },
  { name: "a scoped managed policy", rule: "IAM-3", json: resources({ aws_iam_role_policy_attachment: { a: { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } } }), address: "aws_iam_role_policy_attachment.a", status: "compliant" },
  { name: "AdministratorAccess attached", rule: "IAM-3", json: resources({ aws_iam_role_policy_attachment: { a: { policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" } } }), address: "aws_iam_role_policy_attachment.a", status: "non-compliant", detail: "attaches arn:aws:iam::aws:policy/AdministratorAccess" },
  { name: "AdministratorAccess in a role's managed_policy_arns", rule: "IAM-3", json: resources({ aws_iam_role: { r: { managed_policy_arns: ["arn:aws:iam::aws:policy/AdministratorAccess"] } } }), address: "aws_iam_role.r", status: "non-compliant", detail: "AdministratorAccess" },
];

describe("IAM rules: least privilege, external ids for other accounts", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));
});

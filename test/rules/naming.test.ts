import { describe, test } from "vitest";
import { regionResourceNames } from "../../domain/naming";
import { EXPECTED, expectCase, NAMES, NO_WORKSPACE, resources, type RuleCase } from "./helpers";

const workspace = (body: Record<string, unknown>) => resources({ databricks_mws_workspaces: { ws: body } });
const bucket = (body: Record<string, unknown>) => resources({ aws_s3_bucket: { b: body } });
const role = (body: Record<string, unknown>) => resources({ aws_iam_role: { r: body } });

const WITH_PREFIX = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, deploymentName: "data-use1-prod" } };
const WITH_REGION = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, regionNames: regionResourceNames({ company: "acme", domain: "data", awsRegion: "us-east-1" }) } };

const CASES: RuleCase[] = [
  { name: "derived workspace name under the account prefix", rule: "NAME-1", json: workspace({ workspace_name: NAMES.workspace, deployment_name: "data-use1-prod" }), address: "databricks_mws_workspaces.ws", status: "compliant", expected: WITH_PREFIX },
  { name: "a typed deployment name", rule: "NAME-1", json: workspace({ workspace_name: NAMES.workspace, deployment_name: "acme-prod" }), address: "databricks_mws_workspaces.ws", status: "non-compliant", detail: 'deployment_name is "acme-prod", expected "data-use1-prod"', expected: WITH_PREFIX },
  { name: "no prefix and no deployment name", rule: "NAME-1", json: workspace({ workspace_name: NAMES.workspace }), address: "databricks_mws_workspaces.ws", status: "compliant" },
  { name: "a deployment name without a prefix to accept it", rule: "NAME-1", json: workspace({ workspace_name: NAMES.workspace, deployment_name: NAMES.workspace }), address: "databricks_mws_workspaces.ws", status: "non-compliant", detail: 'deployment_name is "acme-data-use1-prod", expected none (regions.yaml sets no deploymentNamePrefix)' },
  { name: "a workspace in a stack of no workspace", rule: "NAME-1", json: workspace({ workspace_name: "x" }), address: "databricks_mws_workspaces.ws", status: "not-applicable", expected: NO_WORKSPACE },
  { name: "the derived root bucket name", rule: "NAME-2", json: bucket({ bucket: NAMES.rootBucket }), address: "aws_s3_bucket.b", status: "compliant" },
  { name: "a bucket named by hand", rule: "NAME-2", json: bucket({ bucket: "my-data-bucket" }), address: "aws_s3_bucket.b", status: "non-compliant", detail: 'does not start with "acme-data-use1-prod-"' },
  { name: "a bucket with a generated name", rule: "NAME-2", json: bucket({ bucket_prefix: "acme" }), address: "aws_s3_bucket.b", status: "non-compliant", detail: "no fixed bucket name" },
  { name: "the derived cross-account role name", rule: "NAME-3", json: role({ name: NAMES.crossAccountRole }), address: "aws_iam_role.r", status: "compliant" },
  { name: "a role named for another workspace", rule: "NAME-3", json: role({ name: "acme-data-use1-dev-crossaccount" }), address: "aws_iam_role.r", status: "non-compliant", detail: 'role "acme-data-use1-dev-crossaccount"' },
  { name: "the derived catalog storage role", rule: "NAME-3", json: role({ name: NAMES.catalogRole }), address: "aws_iam_role.r", status: "compliant" },
  { name: "a region's data-bucket role, in a config stack of that region", rule: "NAME-3", json: role({ name: "acme-data-use1-lake-landing" }), address: "aws_iam_role.r", status: "compliant", expected: WITH_REGION },
  { name: "another region's data-bucket role", rule: "NAME-3", json: role({ name: "acme-data-euw1-lake-landing" }), address: "aws_iam_role.r", status: "non-compliant", detail: 'does not start with "acme-data-use1-prod-" or "acme-data-use1-lake-"', expected: WITH_REGION },
  { name: "a role with a generated name", rule: "NAME-3", json: role({ name_prefix: "x" }), address: "aws_iam_role.r", status: "non-compliant", detail: "no fixed role name" },
];

describe("naming rules: names come from domain/naming.ts", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase({ expected: EXPECTED, ...c }));
});

import { describe, test } from "vitest";
import { EXPECTED, expectCase, NAMES, NO_WORKSPACE, resources, type RuleCase } from "./helpers";

const WS = "databricks_mws_workspaces.ws";
const workspace = (body: Record<string, unknown> = {}) => resources({ databricks_mws_workspaces: { ws: body } });
const KEPT = { workspaceName: "legacy-analytics-prod", rootBucket: "legacy-root", crossAccountRole: "legacy-xaccount" };
/** An adopted workspace: it keeps its names and must refuse destruction. */
const ADOPTED = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, kept: KEPT, protected: true } };
const DECOMMISSIONING = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, protected: false, awsRegion: "ap-southeast-2", decommissioning: true } };

const imports = (...types: string[]) => ({ ...workspace(), import: types.map((type) => ({ to: `${type}.x`, id: "acc/1" })) });

const CASES: RuleCase[] = [
  { name: "a stack of a decommissioned region is noted, naming the region", rule: "LIFE-1", json: workspace(), address: "stack", status: "non-compliant", detail: "decommissioning ap-southeast-2: prevent_destroy is lifted on this stack", expected: DECOMMISSIONING },
  { name: "a stack of a region that stays", rule: "LIFE-1", json: workspace(), address: "stack", status: "compliant" },
  { name: "a stack of no workspace", rule: "LIFE-1", json: workspace(), address: "stack", status: "not-applicable", expected: NO_WORKSPACE },
  { name: "an adopted workspace without its storage configuration", rule: "LIFE-2", json: imports("databricks_mws_workspaces"), address: "stack", status: "non-compliant", detail: "the workspace is imported but its storage configuration is not" },
  { name: "an adopted workspace with its storage configuration", rule: "LIFE-2", json: imports("databricks_mws_workspaces", "databricks_mws_storage_configurations"), address: "stack", status: "compliant" },
  { name: "no adopted workspace", rule: "LIFE-2", json: imports("aws_vpc"), address: "stack", status: "not-applicable" },
  { name: "an adopted workspace under its kept name, no deployment_name", rule: "NAME-1", json: workspace({ workspace_name: KEPT.workspaceName }), address: WS, status: "compliant", expected: ADOPTED },
  { name: "an adopted workspace renamed to the convention (would replace it)", rule: "NAME-1", json: workspace({ workspace_name: NAMES.workspace }), address: WS, status: "non-compliant", detail: `workspace_name is "${NAMES.workspace}", expected "${KEPT.workspaceName}"`, expected: ADOPTED },
  { name: "an adopted workspace given a deployment_name", rule: "NAME-1", json: workspace({ workspace_name: KEPT.workspaceName, deployment_name: "x" }), address: WS, status: "non-compliant", detail: 'deployment_name is "x", expected none (an adopted workspace keeps its URL)', expected: ADOPTED },
  { name: "the kept root bucket", rule: "NAME-2", json: resources({ aws_s3_bucket: { b: { bucket: KEPT.rootBucket } } }), address: "aws_s3_bucket.b", status: "compliant", expected: ADOPTED },
  { name: "another bucket named by hand beside it", rule: "NAME-2", json: resources({ aws_s3_bucket: { b: { bucket: "other-bucket" } } }), address: "aws_s3_bucket.b", status: "non-compliant", detail: 'bucket "other-bucket"', expected: ADOPTED },
  { name: "the kept cross-account role", rule: "NAME-3", json: resources({ aws_iam_role: { r: { name: KEPT.crossAccountRole } } }), address: "aws_iam_role.r", status: "compliant", expected: ADOPTED },
  { name: "an adopted workspace must keep prevent_destroy, whatever its environment", rule: "DBX-2", json: workspace({ workspace_name: KEPT.workspaceName }), address: WS, status: "non-compliant", detail: "adopted but lifecycle.prevent_destroy is not true", expected: ADOPTED },
  { name: "a decommissioned region's workspace goes", rule: "DBX-2", json: workspace(), address: WS, status: "not-applicable", expected: DECOMMISSIONING },
  { name: "a decommissioned region's bucket without prevent_destroy", rule: "BKT-5", json: resources({ aws_s3_bucket: { b: { bucket: NAMES.rootBucket, force_destroy: false } } }), address: "aws_s3_bucket.b", status: "compliant", expected: DECOMMISSIONING },
  { name: "a decommissioned region's bucket is still never emptied", rule: "BKT-5", json: resources({ aws_s3_bucket: { b: { bucket: NAMES.rootBucket, force_destroy: true } } }), address: "aws_s3_bucket.b", status: "non-compliant", detail: "force_destroy is true", expected: DECOMMISSIONING },
  { name: "elsewhere a bucket without prevent_destroy is still an error", rule: "BKT-5", json: resources({ aws_s3_bucket: { b: { bucket: NAMES.rootBucket } } }), address: "aws_s3_bucket.b", status: "non-compliant", detail: "lifecycle.prevent_destroy is not true" },
];

describe("lifecycle: adopted workspaces and decommissioned regions in the guardrails", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase({ expected: EXPECTED, ...c }));
});

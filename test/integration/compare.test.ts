import { describe, expect, test } from "vitest";
import type { ResourceChange } from "../../cli/review/report";
import {
  changedPaths,
  compareStack,
  normalizePath,
  terraformVerdicts,
  verdictsFromStream,
  type TerraformVerdict,
} from "./compare";
import { renderComparison } from "./comparison-table";
import type { PlanJson } from "./plan-json";

const STACK = "acme-data-use1-dev";
const VPC = "aws_vpc.network_vpc";
const SUBNET = "aws_subnet.private_a";
const SECRET = "aws_secretsmanager_secret_version.value";

function predicted(address: string, action: ResourceChange["action"], forceNew: string[] = [], other: string[] = [], blocked = false): ResourceChange {
  return {
    stack: STACK, address, type: address.split(".")[0], action, reasons: [],
    attributes: [
      ...forceNew.map((path) => ({ path, before: "a", after: "b", forcesReplacement: true })),
      ...other.map((path) => ({ path, before: "a", after: "b", forcesReplacement: false })),
    ],
    ...(blocked ? { blocked: "blocked: terraform will refuse (prevent_destroy)" } : {}),
  };
}

const verdict = (action: TerraformVerdict["action"], replacePaths: string[] = [], refused = false, changed: string[] = []): TerraformVerdict => ({
  action, replacePaths, changedPaths: changed, refused,
});

const ADDRESSES = new Set([VPC, SUBNET, SECRET]);

describe("compareStack: review's prediction against terraform's verdict, per AWS resource", () => {
  test.each([
    ["same replace, same force-new attribute", [predicted(VPC, "replace", ["cidr_block"])], [[VPC, verdict("replace", ["cidr_block"])]], true, undefined],
    ["same update", [predicted(VPC, "update", [], ["tags.Team"])], [[VPC, verdict("update")]], true, undefined],
    ["maybe-replace agrees with an update", [predicted(VPC, "maybe-replace")], [[VPC, verdict("update")]], true, undefined],
    ["review misses an update", [], [[VPC, verdict("update", [], false, ["tags_all.CostCenter"])]], false,
      "review predicts none, terraform plans update; terraform changes tags_all.CostCenter"],
    ["review replaces, terraform updates", [predicted(VPC, "replace", ["enable_dns_support"])], [[VPC, verdict("update", [], false, ["enable_dns_support"])]], false,
      "review predicts replace, terraform plans update; terraform changes enable_dns_support; review saw enable_dns_support"],
    ["terraform's force-new attribute unknown to review", [predicted(SUBNET, "replace", ["cidr_block"])], [[SUBNET, verdict("replace", ["availability_zone", "cidr_block"])]], false,
      "terraform replaces because of availability_zone, which review does not mark force-new"],
    ["review's force-new attribute that terraform updates", [predicted(SUBNET, "replace", ["cidr_block", "tags"])], [[SUBNET, verdict("replace", ["cidr_block"])]], false,
      "review marks tags force-new, terraform's replace_paths do not"],
    ["prevent_destroy: blocked and refused", [predicted(VPC, "delete", [], [], true)], [[VPC, verdict("delete", [], true)]], true, undefined],
    ["prevent_destroy: terraform refuses, review does not say so", [predicted(VPC, "delete")], [[VPC, verdict("delete", [], true)]], false,
      "terraform refuses (prevent_destroy), review does not say blocked"],
    ["orphan: its stack left the synth and terraform plans nothing for it", [predicted(VPC, "orphan")], [], true, undefined],
    ["orphan is not a deletion", [predicted(VPC, "orphan")], [[VPC, verdict("delete")]], false, "review predicts orphan, terraform plans delete"],
  ] as [string, ResourceChange[], [string, TerraformVerdict][], boolean, string | undefined][])("%s", (_case, reviewChanges, verdicts, agree, problem) => {
    const { rows } = compareStack(STACK, reviewChanges, new Map(verdicts), ADDRESSES);
    expect(rows).toHaveLength(1);
    expect(rows[0].agree).toBe(agree);
    expect(rows[0].problem).toBe(problem);
  });

  test("resources both sides leave alone are counted, not listed; non-AWS predictions are ignored", () => {
    const dbx = { ...predicted("databricks_mws_workspaces.w", "replace", ["workspace_name"]), type: "databricks_mws_workspaces" };
    const result = compareStack(STACK, [dbx], new Map(), ADDRESSES);
    expect(result).toEqual({ rows: [], unchanged: 3 });
  });

  test("a difference only placeholders explain is not a mismatch, and says what was not checked", () => {
    const fed = new Map([[SECRET, new Set(["secret_string"])]]);
    const extraPath = compareStack(STACK, [predicted(SECRET, "replace", ["secret_id", "secret_string"])], new Map([[SECRET, verdict("replace", ["secret_id"])]]), ADDRESSES, fed);
    expect(extraPath.rows[0]).toMatchObject({ agree: true, note: expect.stringMatching(/^force-new secret_string comes from Databricks\/remote-state placeholders/) });
    const wholeAction = compareStack(STACK, [predicted(SECRET, "replace", ["secret_string"])], new Map(), ADDRESSES, fed);
    expect(wholeAction.rows[0]).toMatchObject({ agree: true, terraform: "none" });
    // Without the placeholder the same difference is a mismatch.
    expect(compareStack(STACK, [predicted(SECRET, "replace", ["secret_string"])], new Map(), ADDRESSES).rows[0].agree).toBe(false);
  });
});

describe("terraform's verdicts from a plan", () => {
  const plan: PlanJson = {
    format_version: "1.2",
    terraform_version: "1.11.4",
    resource_changes: [
      { address: VPC, mode: "managed", type: "aws_vpc", name: "network_vpc", provider_name: "aws",
        change: { actions: ["delete", "create"], before: { cidr_block: "10.10.0.0/16", tags: { A: "1" } }, after: { cidr_block: "10.12.0.0/16", tags: { A: "1" } }, after_unknown: { id: true }, replace_paths: [["cidr_block"]] } },
      { address: SUBNET, mode: "managed", type: "aws_subnet", name: "private_a", provider_name: "aws",
        change: { actions: ["update"], before: { tags_all: { CostCenter: "CC-1", Team: "t" } }, after: { tags_all: { CostCenter: "CC-2", Team: "t" } } } },
      { address: "data.aws_iam_policy_document.p", mode: "data", type: "aws_iam_policy_document", name: "p", provider_name: "aws",
        change: { actions: ["read"], before: null, after: {} } },
    ],
  };

  test("actions, replace_paths and changed attributes by address; data sources left out", () => {
    const verdicts = terraformVerdicts(plan, [VPC]);
    expect([...verdicts.keys()]).toEqual([VPC, SUBNET]);
    expect(verdicts.get(VPC)).toEqual({ action: "replace", replacePaths: ["cidr_block"], changedPaths: ["cidr_block", "id"], refused: true });
    expect(verdicts.get(SUBNET)).toEqual({ action: "update", replacePaths: [], changedPaths: ["tags_all.CostCenter"], refused: false });
  });

  test("the streamed actions alone", () => {
    const verdicts = verdictsFromStream([
      { address: VPC, action: "replace" }, { address: "data.aws_iam_policy_document.p", action: "read" }, { address: SUBNET, action: "noop" },
    ]);
    expect([...verdicts]).toEqual([[VPC, { action: "replace", replacePaths: [], changedPaths: [], refused: false }]]);
  });

  test.each([
    ["subnet_ids[1]", "subnet_ids"],
    ["tags.Team", "tags.Team"],
    ["rule[0].apply_server_side_encryption_by_default[0].sse_algorithm", "rule.apply_server_side_encryption_by_default.sse_algorithm"],
  ])("normalizePath(%s) = %s", (path, normalized) => {
    expect(normalizePath(path)).toBe(normalized);
  });

  test("changedPaths goes down to map keys and treats lists as a whole", () => {
    expect(changedPaths({ tags: { a: "1", b: "2" }, ids: ["x"] }, { tags: { a: "1", b: "3" }, ids: ["y"] }, {})).toEqual(["ids", "tags.b"]);
  });
});

describe("renderComparison: one line per group of agreeing resources, one per mismatch", () => {
  const text = renderComparison([
    {
      scenario: "cost-tag-changed",
      what: "CostCenter changed",
      unchanged: 4,
      identicalStacks: 1,
      rows: [
        { stack: STACK, address: "aws_subnet.a", type: "aws_subnet", review: "update", terraform: "update", agree: true },
        { stack: STACK, address: "aws_subnet.b", type: "aws_subnet", review: "update", terraform: "update", agree: true },
        { stack: STACK, address: VPC, type: "aws_vpc", review: "none", terraform: "update", agree: false, problem: "review predicts none, terraform plans update" },
      ],
    },
  ]);

  test("the table", () => {
    expect(text.split("\n").map((line) => line.replace(/ +/g, " ").trimEnd())).toEqual([
      "scenario cost-tag-changed: CostCenter changed",
      " stack resource review terraform",
      ` ${STACK} aws_subnet ×2 update update ok`,
      ` ${STACK} ${VPC} none update MISMATCH`,
      " review predicts none, terraform plans update",
      " 3 changed AWS resources compared, 1 mismatch(es), 0 partly unchecked; 4 unchanged on both sides; 1 stack(s) with an unchanged AWS half",
      "",
    ]);
  });
});

import { describe, test } from "vitest";
import { expectCase, NO_WORKSPACE, resources, TAGS, type RuleCase } from "./helpers";

const VPC = { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } };
const withProvider = (tags: Record<string, string> | undefined) => ({
  provider: { aws: [tags ? { region: "us-east-1", default_tags: [{ tags }] } : { region: "us-east-1" }] },
  resource: VPC,
});
const { Team: _team, ...withoutTeam } = TAGS;
const { Owner: _owner, ...withoutOwner } = TAGS;
const policy = (definition: Record<string, unknown>) => resources({ databricks_cluster_policy: { p: { name: "p", definition: JSON.stringify(definition) } } });
const fixedTags = (tags: Record<string, string>) =>
  Object.fromEntries(Object.entries(tags).map(([key, value]) => [`custom_tags.${key}`, { type: "fixed", value }]));
const warehouse = (tags: Record<string, string>) =>
  resources({ databricks_sql_endpoint: { w: { name: "w", tags: { custom_tags: Object.entries(tags).map(([key, value]) => ({ key, value })) } } } });

const budgetPolicy = (tags: Record<string, string>) =>
  resources({ databricks_budget_policy: { b: { policy_name: "b", custom_tags: Object.entries(tags).map(([key, value]) => ({ key, value })) } } });

const CASES: RuleCase[] = [
  { name: "default_tags carry every tag", rule: "TAG-1", json: withProvider({ ...TAGS }), address: "stack", status: "compliant" },
  { name: "default_tags without Team", rule: "TAG-1", json: withProvider(withoutTeam), address: "stack", status: "non-compliant", detail: "default_tags: tag Team is missing" },
  { name: "default_tags with another workspace's Environment", rule: "TAG-1", json: withProvider({ ...TAGS, Environment: "dev" }), address: "stack", status: "non-compliant", detail: 'tag Environment is "dev", expected "prod"' },
  { name: "AWS resources and no aws provider", rule: "TAG-1", json: resources(VPC), address: "stack", status: "non-compliant", detail: "no aws provider" },
  { name: "a stack without AWS", rule: "TAG-1", json: resources({ databricks_group: { g: {} } }), address: "stack", status: "not-applicable" },
  { name: "a stack of no workspace needs the keys", rule: "TAG-1", json: withProvider({ ...TAGS, Environment: "account" }), address: "stack", status: "compliant", expected: NO_WORKSPACE },
  { name: "workspace custom_tags complete", rule: "TAG-2", json: resources({ databricks_mws_workspaces: { ws: { custom_tags: { ...TAGS } } } }), address: "databricks_mws_workspaces.ws", status: "compliant" },
  { name: "workspace without custom_tags", rule: "TAG-2", json: resources({ databricks_mws_workspaces: { ws: {} } }), address: "databricks_mws_workspaces.ws", status: "non-compliant", detail: "custom_tags: tag CostCenter is missing" },
  { name: "policy fixes every tag", rule: "TAG-3", json: policy(fixedTags(TAGS)), address: "databricks_cluster_policy.p", status: "compliant" },
  { name: "policy leaves Owner to the user", rule: "TAG-3", json: policy({ ...fixedTags(TAGS), "custom_tags.Owner": { type: "unlimited" } }), address: "databricks_cluster_policy.p", status: "non-compliant", detail: "custom_tags.Owner is not fixed" },
  { name: "policy fixes a wrong CostCenter", rule: "TAG-3", json: policy(fixedTags({ ...TAGS, CostCenter: "CC-9" })), address: "databricks_cluster_policy.p", status: "non-compliant", detail: 'custom_tags.CostCenter is fixed to "CC-9", expected "CC-1"' },
  { name: "policy written with jsonencode", rule: "TAG-3", json: resources({ databricks_cluster_policy: { p: { definition: '${jsonencode({"a" = 1})}' } } }), address: "databricks_cluster_policy.p", status: "non-compliant", detail: "not literal JSON" },
  { name: "warehouse tagged", rule: "TAG-4", json: warehouse({ ...TAGS }), address: "databricks_sql_endpoint.w", status: "compliant" },
  { name: "warehouse without Region", rule: "TAG-4", json: warehouse({ ...TAGS, Region: "" }), address: "databricks_sql_endpoint.w", status: "non-compliant", detail: "tag Region is missing" },
  { name: "budget policy tagged", rule: "TAG-5", json: budgetPolicy({ ...TAGS }), address: "databricks_budget_policy.b", status: "compliant" },
  { name: "budget policy without Owner", rule: "TAG-5", json: budgetPolicy(withoutOwner), address: "databricks_budget_policy.b", status: "non-compliant", detail: "custom_tags: tag Owner is missing" },
  { name: "budget policy with another workspace's Region", rule: "TAG-5", json: budgetPolicy({ ...TAGS, Region: "us-west-2" }), address: "databricks_budget_policy.b", status: "non-compliant", detail: 'tag Region is "us-west-2"' },
  { name: "budget policy without custom_tags", rule: "TAG-5", json: resources({ databricks_budget_policy: { b: { policy_name: "b" } } }), address: "databricks_budget_policy.b", status: "non-compliant", detail: "custom_tags: tag CostCenter is missing" },
];

describe("tag rules: every cost tag plus Environment and Region, with the workspace's values", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));
});

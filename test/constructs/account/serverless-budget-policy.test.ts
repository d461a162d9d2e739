import { describe, expect, test } from "vitest";
import { ServerlessBudgetPolicy, type ServerlessBudgetPolicyProps } from "../../../constructs/account/serverless-budget-policy";
import { addressOf, ref, resourcesOf, synthConstruct } from "../../utils";

const TAGS = { CostCenter: "CC-1", Project: "lakehouse", Team: "platform", Owner: "platform@acme.example", Environment: "prod", Region: "eu-west-1" };
const PROPS: ServerlessBudgetPolicyProps = {
  names: { budgetPolicy: "acme-data-euw1-prod" },
  databricksAccountId: "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d",
  workspaceId: 1234567890,
  tags: TAGS,
  users: ["groups/engineers", "servicePrincipals/app-1"],
  managers: ["groups/admins"],
};

const synth = (props: ServerlessBudgetPolicyProps) => synthConstruct((scope) => void new ServerlessBudgetPolicy(scope, "budget-policy", props));

describe("ServerlessBudgetPolicy: the workspace's serverless spend carries the cost tags", () => {
  const stack = synth(PROPS);

  test("one policy bound to the workspace, with every tag as a custom tag", () => {
    expect(resourcesOf(stack, "databricks_budget_policy")).toEqual([
      {
        policy_name: "acme-data-euw1-prod",
        binding_workspace_ids: [1234567890],
        custom_tags: Object.entries(TAGS).map(([key, value]) => ({ key, value })),
      },
    ]);
  });

  test("one authoritative rule set on that policy: users may use it, admins manage it", () => {
    expect(resourcesOf(stack, "databricks_access_control_rule_set")).toEqual([
      {
        name: `accounts/${PROPS.databricksAccountId}/budgetPolicies/${ref(addressOf(stack, "databricks_budget_policy"), "policy_id")}/ruleSets/default`,
        grant_rules: [
          { role: "roles/budgetPolicy.user", principals: ["groups/engineers", "servicePrincipals/app-1"] },
          { role: "roles/budgetPolicy.manager", principals: ["groups/admins"] },
        ],
      },
    ]);
  });

  test("nobody to grant: no rule set (grant_rules is required), the policy keeps Databricks' default access", () => {
    const alone = synth({ ...PROPS, users: [], managers: [] });
    expect(resourcesOf(alone, "databricks_budget_policy")).toHaveLength(1);
    expect(resourcesOf(alone, "databricks_access_control_rule_set")).toEqual([]);
  });

  test.each([
    ["more than 20 tags", { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`Tag${i}`, "x"])) }, "21 custom tags, at most 20 allowed"],
    ["a reserved tag key", { tags: { ...TAGS, "budget-policy-name": "x" } }, 'tag key "budget-policy-name" is reserved by Databricks'],
    ["a tag value over 256 characters", { tags: { ...TAGS, Owner: "o".repeat(257) } }, "tag Owner's value is longer than 256 characters"],
    ["a policy name over 127 characters", { names: { budgetPolicy: "p".repeat(128) } }, "is not 1-127 latin1 characters"],
    ["a policy name outside latin1", { names: { budgetPolicy: "acme-data-€" } }, 'policy name "acme-data-€" is not 1-127 latin1 characters'],
    ["a reserved name", { names: { budgetPolicy: "databricks:default-policy" } }, "starts with a reserved keyword"],
  ])("refuses %s before anything is planned", (_name, change, message) => {
    expect(() => synth({ ...PROPS, ...change })).toThrow(message);
  });
});

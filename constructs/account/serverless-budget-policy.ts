import { Construct } from "constructs";
import { AccessControlRuleSet } from "@cdktf/provider-databricks/lib/access-control-rule-set";
import { BudgetPolicy } from "@cdktf/provider-databricks/lib/budget-policy";
import { BUDGET_POLICY_LIMITS, BUDGET_POLICY_ROLES, budgetPolicyRuleSetName } from "../../domain/platform-facts";

/** The names a budget policy takes (domain/naming.ts workspaceResourceNames fits). */
export interface ServerlessBudgetPolicyNames {
  /** Unique among the account's active policies. */
  readonly budgetPolicy: string;
}

export interface ServerlessBudgetPolicyProps {
  readonly names: ServerlessBudgetPolicyNames;
  readonly databricksAccountId: string;
  /** The only workspace the policy may be used in. */
  readonly workspaceId: number;
  /** Tags written on every serverless usage record of the policy's users (the cost tags + Environment + Region). */
  readonly tags: Readonly<Record<string, string>>;
  /** Rule-set principals (`groups/<name>`, `servicePrincipals/<application id>`) that may use the policy. */
  readonly users: readonly string[];
  /** Rule-set principals that manage it. */
  readonly managers: readonly string[];
}

/**
 * A budget policy for one workspace's serverless compute. Classic clusters get the cost tags from
 * their cluster policy and warehouses from their own tags; serverless notebooks, jobs and pipelines
 * get them only from a budget policy of the user who runs them, and a user with exactly one policy
 * has it applied automatically (docs.databricks.com/aws/en/admin/usage/budget-policies). Bound to
 * the workspace, so the dev policy cannot tag prod work. Who may use it is one authoritative rule
 * set (databricks provider docs/resources/access_control_rule_set.md (v1.99): every grant for a rule
 * set in one resource).
 */
export class ServerlessBudgetPolicy extends Construct {
  public readonly policyId: string;

  constructor(scope: Construct, id: string, props: ServerlessBudgetPolicyProps) {
    super(scope, id);
    checkLimits(props.names.budgetPolicy, props.tags);
    const policy = new BudgetPolicy(this, "policy", {
      policyName: props.names.budgetPolicy,
      bindingWorkspaceIds: [props.workspaceId],
      customTags: Object.entries(props.tags).map(([key, value]) => ({ key, value })),
    });
    this.policyId = policy.policyId;
    const grantRules = [
      { role: BUDGET_POLICY_ROLES.user, principals: [...props.users] },
      { role: BUDGET_POLICY_ROLES.manager, principals: [...props.managers] },
    ].filter((rule) => rule.principals.length);
    // grant_rules is required: with nobody to grant, the policy keeps Databricks' default access
    // (its creator and billing admins).
    if (grantRules.length) {
      new AccessControlRuleSet(this, "access", {
        name: budgetPolicyRuleSetName(props.databricksAccountId, this.policyId),
        grantRules,
      });
    }
  }
}

/** The API's name and custom-tag limits (domain/platform-facts), checked before anything is planned. */
function checkLimits(policyName: string, tags: Readonly<Record<string, string>>): void {
  const entries = Object.entries(tags);
  const limits = BUDGET_POLICY_LIMITS;
  const problems = [
    ...(policyName.length < 1 || policyName.length > limits.maxPolicyNameLength || !/^[\u0000-\u00ff]+$/.test(policyName)
      ? [`policy name "${policyName}" is not 1-${limits.maxPolicyNameLength} latin1 characters`]
      : []),
    ...(limits.reservedNamePrefixes.some((prefix) => policyName.startsWith(prefix)) ? [`policy name "${policyName}" starts with a reserved keyword`] : []),
    ...(entries.length > limits.maxCustomTags ? [`${entries.length} custom tags, at most ${limits.maxCustomTags} allowed`] : []),
    ...entries.flatMap(([key, value]) => [
      ...((limits.reservedTagKeys as readonly string[]).includes(key) ? [`tag key "${key}" is reserved by Databricks`] : []),
      ...(key.length < 1 || key.length > limits.maxTagKeyLength ? [`tag key "${key}" is not 1-${limits.maxTagKeyLength} characters`] : []),
      ...(value.length > limits.maxTagValueLength ? [`tag ${key}'s value is longer than ${limits.maxTagValueLength} characters`] : []),
    ]),
  ];
  if (problems.length) throw new Error(`budget policy: ${problems.join("; ")}`);
}

/**
 * What Databricks offers for seeing and capping spend, and the limits the app must respect: system
 * schemas it may enable, the billing system tables and their columns, budgets, budget policies and
 * who may use them, and the dashboard format. test/domain/platform-facts-sdk.test.ts checks the
 * enum-like values against the Databricks SDK's API model.
 */

/**
 * System schemas the app may enable with `databricks_system_schema` (docs.databricks.com/admin/
 * system-tables/index.html lists the tables by schema: system.access.*, system.compute.*, …).
 * `billing` is not here: Databricks enables it itself, and the provider says it "should not be
 * manually declared" (databricks provider docs/resources/system_schema.md (v1.99)).
 *
 * At v1.99 the resource's Read keeps only ENABLE_COMPLETED, ENABLE_INITIALIZED and UNAVAILABLE
 * (catalog/resource_system_schema.go): a schema the account reports as MANAGED ("Databricks enables
 * the schema automatically", docs.databricks.com/api/workspace/systemschemas) vanishes from state
 * right after it is created, and the apply fails with "Root object was present, but now absent"
 * (provider issues #4874, #5505, #5878; databricks/terraform-databricks-sra#209 removed system schemas
 * for this reason). The remedy is to leave that schema out of spend.systemSchemas: it is on anyway.
 */
export const ENABLEABLE_SYSTEM_SCHEMAS = [
  "access", "compute", "lakeflow", "marketplace", "mlflow", "query", "serving", "sharing", "storage",
] as const;
export type SystemSchemaName = (typeof ENABLEABLE_SYSTEM_SCHEMAS)[number];

/** A system table the dashboard reads: its full name, the page documenting it, its columns. */
export interface SystemTable {
  readonly name: string;
  readonly docs: string;
  readonly columns: readonly string[];
}

/**
 * Billable usage of every workspace in the account, global ("routed to all regions, so you can view
 * your account's global usage from whichever region your workspace is in"), 365 days, typically
 * within 12 hours. `custom_tags` "Includes compute resource tags, jobs tags, and budget policy tags".
 */
export const BILLING_USAGE: SystemTable = {
  name: "system.billing.usage",
  docs: "https://docs.databricks.com/aws/en/admin/system-tables/billing",
  columns: [
    "record_id", "account_id", "workspace_id", "sku_name", "cloud", "usage_start_time", "usage_end_time", "usage_date",
    "custom_tags", "usage_unit", "usage_quantity", "usage_metadata", "identity_metadata", "record_type", "ingestion_date",
    "billing_origin_product", "product_features", "usage_type",
  ],
};

/** List prices per SKU over time; "A record gets added each time there is a change to a SKU price". */
export const BILLING_LIST_PRICES: SystemTable = {
  name: "system.billing.list_prices",
  docs: "https://docs.databricks.com/aws/en/admin/system-tables/pricing",
  columns: ["price_start_time", "price_end_time", "account_id", "sku_name", "cloud", "currency_code", "usage_unit", "pricing"],
};

/**
 * The `pricing` struct of list_prices: "`effective_list` resolves list and promotional price, and
 * contains the effective list price used for calculating the cost" (same page).
 */
export const LIST_PRICE_FIELD = "pricing.effective_list.default";

/** Budget alerts at v1.99: the only values each enum has (databricks provider docs/resources/budget.md (v1.99)). */
export const BUDGET_ALERT = {
  timePeriod: "MONTH",
  triggerType: "CUMULATIVE_SPENDING_EXCEEDED",
  /** Budgets count list price in US dollars, not the account's contract price. */
  quantityType: "LIST_PRICE_DOLLARS_USD",
  actionType: "EMAIL_NOTIFICATION",
  filterOperator: "IN",
} as const;

/**
 * "Budgets must have exactly one alert configuration" (the budget model of the Databricks SDK and of
 * the provider at v1.99, internal/service/billing_tf/model.go; newer API pages allow four): one budget
 * per alert threshold works on both.
 */
export const ALERT_CONFIGURATIONS_PER_BUDGET = 1;

/** `display_name` "Max Length: 128" (SDK billing model; finops/resource_budget.go StringLenBetween(1, 128)). */
export const BUDGET_DISPLAY_NAME_MAX = 128;

/**
 * Budget policy limits (databricks provider docs/resources/budget_policy.md (v1.99); docs.databricks.com/
 * api/account/budgetpolicy): at most 20 custom tags, keys unique and 1–512 characters, values at most
 * 256, three keys reserved for Databricks' own tags; policy names 1–127 latin1 characters, not starting
 * with a reserved keyword "such as `databricks:default-policy`".
 */
export const BUDGET_POLICY_LIMITS = {
  maxCustomTags: 20,
  maxTagKeyLength: 512,
  maxTagValueLength: 256,
  reservedTagKeys: ["budget-policy-name", "budget-policy-id", "budget-policy-resolution-result"],
  maxPolicyNameLength: 127,
  reservedNamePrefixes: ["databricks:"],
} as const;

/**
 * Who may use or manage one budget policy: a `databricks_access_control_rule_set` named
 * `accounts/<account>/budgetPolicies/<policy id>/ruleSets/default`, authoritative for the policy
 * (databricks provider docs/resources/access_control_rule_set.md (v1.99), "Budget policy usage").
 * A user assigned exactly one policy has it applied to what they create on serverless compute
 * (docs.databricks.com/aws/en/admin/usage/budget-policies).
 */
export const BUDGET_POLICY_ROLES = {
  user: "roles/budgetPolicy.user",
  manager: "roles/budgetPolicy.manager",
} as const;

export function budgetPolicyRuleSetName(databricksAccountId: string, policyId: string): string {
  return `accounts/${databricksAccountId}/budgetPolicies/${policyId}/ruleSets/default`;
}

/** Principals in rule sets: `groups/{groupname}`, `servicePrincipals/{applicationId}` (same page). */
export const aclPrincipal = {
  group: (displayName: string) => `groups/${displayName}`,
  servicePrincipal: (applicationId: string) => `servicePrincipals/${applicationId}`,
} as const;

/**
 * Lakeview (AI/BI) dashboards as exported (databricks/bundle-examples
 * contrib/helen_databricks_cost_dashboard/src/helen_databricks_cost_dashboard.lvdash.json): widgets sit
 * on a 6-column grid; chart specs are version 3, counters and filters version 2.
 */
export const DASHBOARD_GRID_COLUMNS = 6;
export const DASHBOARD_WIDGET_VERSIONS = { bar: 3, line: 3, counter: 2, filter: 2 } as const;

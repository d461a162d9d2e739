/**
 * The enum-like values the app sends to Databricks, checked against the Databricks SDK's API model
 * (@databricks/sdk-experimental, generated from the Databricks API specification). The type-level
 * checks fail `npm test` at its `tsc` step; the runtime ones tie the synthesized stacks to the facts
 * and read what the SDK only documents in a comment (warehouse sizes are a plain string there).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { billing, catalog, compute, iam, provisioning, sql } from "@databricks/sdk-experimental";
import { describe, expect, test } from "vitest";
import {
  BUDGET_ALERT,
  BUDGET_DISPLAY_NAME_MAX,
  BUDGET_POLICY_LIMITS,
  ENFORCED_CLUSTER_ATTRIBUTES,
  LOG_DELIVERIES,
  PERMISSION_LEVELS,
  PRICING_TIERS,
  UC_BINDING_TYPES,
  UC_ISOLATION,
  UC_PRIVILEGES,
  WAREHOUSE_SIZES,
  WAREHOUSE_SPOT_POLICY,
  WAREHOUSE_TYPE,
  WORKSPACE_PERMISSIONS,
} from "../../domain/platform-facts";
import { resourcesOf, shippedConfig, synthApp } from "../utils";

// Type-level: a value the API does not have is a compile error here.
const workspacePermissions: readonly iam.WorkspacePermission[] = Object.values(WORKSPACE_PERMISSIONS);
const permissionLevels: readonly iam.PermissionLevel[] = Object.values(PERMISSION_LEVELS);
const logTypes: readonly billing.LogType[] = LOG_DELIVERIES.map((delivery) => delivery.logType);
const outputFormats: readonly billing.OutputFormat[] = LOG_DELIVERIES.map((delivery) => delivery.outputFormat);
const pricingTiers: readonly provisioning.PricingTier[] = PRICING_TIERS;
const warehouseTypes: readonly sql.EndpointInfoWarehouseType[] = [WAREHOUSE_TYPE];
const spotPolicies: readonly sql.SpotInstancePolicy[] = [WAREHOUSE_SPOT_POLICY];
const availabilities: readonly compute.AwsAvailability[] = [ENFORCED_CLUSTER_ATTRIBUTES.availability];
const privileges: readonly catalog.Privilege[] = [...UC_PRIVILEGES.metastore, ...UC_PRIVILEGES.catalog, ...UC_PRIVILEGES.externalLocation];
const catalogIsolation: catalog.CatalogIsolationMode = UC_ISOLATION.catalog;
const storageIsolation: catalog.IsolationMode = UC_ISOLATION.storage;
const bindingTypes: readonly catalog.WorkspaceBindingBindingType[] = Object.values(UC_BINDING_TYPES);
const budgetAlert: {
  readonly timePeriod: billing.AlertConfigurationTimePeriod;
  readonly triggerType: billing.AlertConfigurationTriggerType;
  readonly quantityType: billing.AlertConfigurationQuantityType;
  readonly actionType: billing.ActionConfigurationType;
  readonly filterOperator: billing.BudgetConfigurationFilterOperator;
} = BUDGET_ALERT;

/** The SDK's own model file for one API, as shipped in the package. */
function sdkModel(api: string): string {
  const packageJson = createRequire(import.meta.url).resolve("@databricks/sdk-experimental/package.json");
  return readFileSync(join(dirname(packageJson), "dist", "apis", api, "model.d.ts"), "utf8");
}

describe("platform facts against the Databricks SDK's API model", () => {
  const stacks = [...synthApp(shippedConfig()).values()];
  const all = (type: string) => stacks.flatMap((stack) => resourcesOf(stack, type));

  test("what the synthesized stacks send is what the facts hold", () => {
    expect(new Set(all("databricks_mws_permission_assignment").flatMap((a) => a.permissions as string[]))).toEqual(new Set(workspacePermissions));
    const levels = all("databricks_permissions").flatMap((p) => (p.access_control as { permission_level: string }[]).map((a) => a.permission_level));
    expect(new Set(levels)).toEqual(new Set(permissionLevels));
    const deliveries = all("databricks_mws_log_delivery").map((d) => `${d.log_type} ${d.output_format}`);
    expect(deliveries.sort()).toEqual(logTypes.map((type, i) => `${type} ${outputFormats[i]}`).sort());
    for (const workspace of all("databricks_mws_workspaces")) expect(pricingTiers).toContain(workspace.pricing_tier);
    for (const warehouse of all("databricks_sql_endpoint")) {
      expect([warehouse.warehouse_type, warehouse.spot_instance_policy]).toEqual([warehouseTypes[0], spotPolicies[0]]);
    }
    const granted = all("databricks_grants").flatMap((g) => (g.grant as { privileges: string[] }[]).flatMap((grant) => grant.privileges));
    expect(granted.length).toBeGreaterThan(0);
    for (const privilege of granted) expect(privileges).toContain(privilege);
    for (const catalog of all("databricks_catalog")) expect(catalog.isolation_mode).toBe(catalogIsolation);
    for (const storage of [...all("databricks_external_location"), ...all("databricks_storage_credential")]) expect(storage.isolation_mode).toBe(storageIsolation);
    for (const binding of all("databricks_workspace_binding")) expect(bindingTypes).toContain(binding.binding_type);
    for (const budget of all("databricks_budget")) {
      const [alert] = budget.alert_configurations as Record<string, unknown>[];
      expect([alert.time_period, alert.trigger_type, alert.quantity_type]).toEqual([budgetAlert.timePeriod, budgetAlert.triggerType, budgetAlert.quantityType]);
      for (const action of alert.action_configurations as { action_type: string }[]) expect(action.action_type).toBe(budgetAlert.actionType);
      for (const tag of (budget.filter as { tags: { value: { operator: string } }[] }).tags) expect(tag.value.operator).toBe(budgetAlert.filterOperator);
    }
    for (const policy of all("databricks_cluster_policy")) {
      expect(JSON.parse(String(policy.definition))["aws_attributes.availability"]).toEqual({ type: "fixed", value: availabilities[0] });
    }
  });

  test("warehouse sizes are exactly the sizes the SQL warehouses API documents", () => {
    // The doc comment just above the first `cluster_size?: string;`, e.g. "Supported values: - 2X-Small - X-Small …".
    const model = sdkModel("sql");
    const field = model.indexOf("cluster_size?: string;");
    const comment = model.slice(model.lastIndexOf("/**", field), field);
    const listed = comment.slice(comment.indexOf("Supported values:") + "Supported values:".length, comment.indexOf("*/"));
    const sizes = listed.replace(/^\s*\*/gm, " ").split(/\s-\s/).map((size) => size.trim()).filter(Boolean);
    expect(sizes).toEqual([...WAREHOUSE_SIZES]);
  });

  test("budget and budget-policy limits are the ones the billing API model documents", () => {
    const model = sdkModel("billing");
    // One alert configuration per budget is why each threshold is a budget of its own.
    expect(model).toContain("have exactly one alert configuration.");
    expect(model).toContain(`Max Length: ${BUDGET_DISPLAY_NAME_MAX}`);
    expect(model.replace(/\s*\*\s*/g, " ")).toContain(`At most ${BUDGET_POLICY_LIMITS.maxCustomTags} entries are allowed per policy.`);
    for (const key of BUDGET_POLICY_LIMITS.reservedTagKeys) expect(sdkModel("compute")).toContain(key);
  });
});

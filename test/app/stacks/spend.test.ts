/**
 * Spend you can see, in a synth of the shipped regions.yaml: system schemas once per region, budgets
 * on cost tags in the account stack, a budget policy per workspace, one dashboard on a warehouse.
 */
import { describe, expect, test } from "vitest";
import { groupAssignments } from "../../../domain/identity";
import { accountResourceNames } from "../../../domain/naming";
import { spendDashboard, serializeDashboard } from "../../../domain/spend-dashboard";
import { workspaceSpecs } from "../../../domain/workspaces";
import { addressOf, configFromText, ref, resourcesOf, shippedConfig, shippedRegionsText, synthApp, type StackJson } from "../../utils";

const config = shippedConfig();
const stacks = synthApp(config);
const specs = workspaceSpecs(config);
const names = accountResourceNames(config);
const stack = (name: string): StackJson => stacks.get(name)!;
const everywhere = (type: string) => [...stacks.entries()].filter(([, json]) => resourcesOf(json, type).length).map(([name]) => name);

describe("system schemas: enabled once per region, from the config stack that owns its metastore", () => {
  test("only the owner config stacks declare them: one per region", () => {
    const owners = specs.filter((spec) => spec.ownsRegionMetastore).map((spec) => spec.names.configStack);
    expect(owners).toEqual(["acme-data-use1-prod-config", "acme-data-euw1-prod-config", "acme-data-apse2-prod-config"]);
    expect(everywhere("databricks_system_schema").sort()).toEqual([...owners].sort());
  });

  test.each(specs.filter((spec) => spec.ownsRegionMetastore).map((spec) => spec.names.configStack))("%s enables access and compute, never billing", (name) => {
    expect(resourcesOf(stack(name), "databricks_system_schema")).toEqual([{ schema: "access" }, { schema: "compute" }]);
  });
});

describe("budgets: in the account stack, one per tag value and threshold, filtered on a cost tag", () => {
  const budgets = resourcesOf(stack(names.stack), "databricks_budget");
  const tagKeys = Object.keys(specs[0].tags);

  test("every entry × threshold of spend.budgets, and no budget anywhere else", () => {
    const expected = config.spend.budgets.flatMap((budget) => budget.alertAtPercent.map((percent) => names.budget(budget.tag, budget.value, percent)));
    expect(budgets.map((budget) => budget.display_name).sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(3);
    expect(everywhere("databricks_budget")).toEqual([names.stack]);
  });

  test.each(config.spend.budgets.flatMap((budget) => budget.alertAtPercent.map((percent) => [budget.tag, budget.value, percent, budget] as const)))(
    "%s=%s at %d%%: filtered on that tag, an e-mail to every recipient at that share of the amount",
    (tag, value, percent, budget) => {
      const found = budgets.find((candidate) => candidate.display_name === names.budget(tag, value, percent))!;
      expect(tagKeys).toContain(tag);
      expect(found.filter).toEqual({ tags: [{ key: tag, value: { operator: "IN", values: [value] } }] });
      expect(found.alert_configurations).toEqual([
        expect.objectContaining({
          quantity_threshold: String((budget.monthlyUsd * percent) / 100),
          action_configurations: budget.recipients.map((target) => ({ action_type: "EMAIL_NOTIFICATION", target })),
        }),
      ]);
    },
  );
});

describe("budget policies: one per workspace, carrying its cost tags, usable by its people", () => {
  test.each(specs.map((spec) => [spec.names.stack, spec] as const))("%s", (name, spec) => {
    const workspace = stack(name);
    const [policy] = resourcesOf(workspace, "databricks_budget_policy");
    expect(resourcesOf(workspace, "databricks_budget_policy")).toHaveLength(1);
    expect(policy).toEqual({
      policy_name: spec.names.workspace,
      binding_workspace_ids: [ref(addressOf(workspace, "databricks_mws_workspaces"), "workspace_id")],
      custom_tags: Object.entries(spec.tags).map(([key, value]) => ({ key, value })),
    });
    const assigned = groupAssignments(config.groups, spec.environment);
    const principal = ref(addressOf(workspace, "databricks_service_principal"), "application_id");
    expect(resourcesOf(workspace, "databricks_access_control_rule_set")).toEqual([
      {
        name: `accounts/${config.databricksAccountId}/budgetPolicies/${ref(addressOf(workspace, "databricks_budget_policy"), "policy_id")}/ruleSets/default`,
        grant_rules: [
          { role: "roles/budgetPolicy.user", principals: [...assigned.map(({ group }) => `groups/${group}`), `servicePrincipals/${principal}`] },
          { role: "roles/budgetPolicy.manager", principals: assigned.filter(({ role }) => role === "admin").map(({ group }) => `groups/${group}`) },
        ],
      },
    ]);
  });

  test("no other stack holds a budget policy", () => {
    expect(everywhere("databricks_budget_policy").sort()).toEqual(specs.map((spec) => spec.names.stack).sort());
  });
});

describe("the spend dashboard: one, in the first region's prod, on its warehouse", () => {
  const host = "acme-data-use1-prod-config";

  test("exactly one dashboard, in the workspace regions.yaml defaults to", () => {
    expect(everywhere("databricks_dashboard")).toEqual([host]);
  });

  test("bound to that workspace's general warehouse, generated from code, in the named folder", () => {
    const configStack = stack(host);
    const warehouse = addressOf(configStack, "databricks_sql_endpoint", (body) => body.name === "acme-data-use1-prod-general");
    const [dashboard] = resourcesOf(configStack, "databricks_dashboard");
    expect(dashboard).toEqual({
      display_name: names.spendDashboard,
      parent_path: names.spendDashboardFolder,
      warehouse_id: ref(warehouse, "id"),
      serialized_dashboard: serializeDashboard(spendDashboard(Object.keys(specs[0].tags))),
      embed_credentials: true,
    });
  });

  test("it reads system.billing.usage with a breakdown by each of the six tags", () => {
    const [dashboard] = resourcesOf(stack(host), "databricks_dashboard");
    const definition = JSON.parse(String(dashboard.serialized_dashboard)) as { datasets: { query: string }[]; pages: { layout: { widget: { spec?: { widgetType: string; encodings: { x?: { fieldName: string } } } } }[] }[] };
    expect(definition.datasets[0].query).toContain("FROM system.billing.usage AS u");
    const bars = definition.pages[0].layout.flatMap(({ widget }) => (widget.spec?.widgetType === "bar" ? [widget.spec.encodings.x!.fieldName] : []));
    expect(bars).toEqual(expect.arrayContaining(["CostCenter", "Project", "Team", "Owner", "Environment", "Region"]));
  });

  test("the viewer groups of regions.yaml may read it", () => {
    const configStack = stack(host);
    const viewers = resourcesOf(configStack, "databricks_permissions").filter((permissions) => permissions.dashboard_id !== undefined);
    expect(viewers).toEqual([
      {
        dashboard_id: ref(addressOf(configStack, "databricks_dashboard"), "id"),
        access_control: config.spend.dashboard!.viewers.map((group_name) => ({ group_name, permission_level: "CAN_READ" })),
      },
    ]);
  });
});

describe("spend: what the file leaves out is not built", () => {
  const edited = (from: string, to: string) => {
    if (!shippedRegionsText.includes(from)) throw new Error(`regions.yaml has no ${JSON.stringify(from)}`);
    return synthApp(configFromText(shippedRegionsText.replace(from, to)));
  };

  test("no system schemas listed: none declared; no dashboard section: no dashboard; no budgets: none", () => {
    const synth = edited("  systemSchemas: [access, compute]", "  systemSchemas: []");
    const count = (all: Map<string, StackJson>, type: string) => [...all.values()].reduce((sum, json) => sum + resourcesOf(json, type).length, 0);
    expect(count(synth, "databricks_system_schema")).toBe(0);
    expect(count(synth, "databricks_dashboard")).toBe(1);
    const bare = synthApp(configFromText(shippedRegionsText.replace(/\nspend:\n(?: .*\n)+/, "\n")));
    expect(["databricks_system_schema", "databricks_budget", "databricks_dashboard"].map((type) => count(bare, type))).toEqual([6, 0, 0]);
    expect(count(bare, "databricks_budget_policy")).toBe(6);
  });

  test("a dashboard placed in another workspace moves there", () => {
    const synth = edited("  dashboard:                           # in acme-data-use1-prod", "  dashboard:\n    workspace: { region: eu-west-1, environment: prod }  #");
    expect([...synth.entries()].filter(([, json]) => resourcesOf(json, "databricks_dashboard").length).map(([name]) => name)).toEqual(["acme-data-euw1-prod-config"]);
  });
});

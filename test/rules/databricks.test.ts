import { describe, test } from "vitest";
import { EXPECTED, expectCase, NO_WORKSPACE, resources, TAGS, type RuleCase } from "./helpers";

const workspace = (body: Record<string, unknown>) => resources({ databricks_mws_workspaces: { ws: body } });
const WS = "databricks_mws_workspaces.ws";
const POLICY = "databricks_cluster_policy.p";
const policy = (definition: Record<string, unknown>) => resources({ databricks_cluster_policy: { p: { name: "p", definition: JSON.stringify(definition) } } });

/** A policy as the cluster-policy engineer's enforcement writes it: every rule satisfied. */
const GOOD: Record<string, unknown> = {
  ...Object.fromEntries(Object.entries(TAGS).map(([key, value]) => [`custom_tags.${key}`, { type: "fixed", value }])),
  "aws_attributes.first_on_demand": { type: "fixed", value: 1 },
  instance_pool_id: { type: "forbidden", hidden: true },
  driver_instance_pool_id: { type: "forbidden", hidden: true },
  "autoscale.max_workers": { type: "range", maxValue: 20 },
  num_workers: { type: "range", maxValue: 20 },
  dbus_per_hour: { type: "range", maxValue: 50 },
  cluster_type: { type: "fixed", value: "all-purpose" },
  autotermination_minutes: { type: "range", minValue: 10, maxValue: 120, defaultValue: 60 },
};

const CASES: RuleCase[] = [
  { name: "PREMIUM", rule: "DBX-1", json: workspace({ pricing_tier: "PREMIUM" }), address: WS, status: "compliant" },
  { name: "STANDARD", rule: "DBX-1", json: workspace({ pricing_tier: "STANDARD" }), address: WS, status: "non-compliant", detail: 'pricing_tier is "STANDARD"' },
  { name: "protected prod with prevent_destroy", rule: "DBX-2", json: workspace({ lifecycle: { prevent_destroy: true } }), address: WS, status: "compliant" },
  { name: "protected prod without prevent_destroy", rule: "DBX-2", json: workspace({}), address: WS, status: "non-compliant", detail: "prod is protected but lifecycle.prevent_destroy is not true" },
  { name: "an unprotected environment", rule: "DBX-2", json: workspace({}), address: WS, status: "not-applicable", expected: { ...NO_WORKSPACE, workspace: { environment: "dev", names: {} as never, tags: TAGS, protected: false } } },
  { name: "on-demand driver fixed to 1", rule: "DBX-3", json: policy(GOOD), address: POLICY, status: "compliant" },
  { name: "a range with no maximum (every worker could be on demand)", rule: "DBX-3", json: policy({ ...GOOD, "aws_attributes.first_on_demand": { type: "range", minValue: 1, defaultValue: 1 } }), address: POLICY, status: "non-compliant", detail: 'first_on_demand is not fixed at 1 ({"type":"range"' },
  { name: "all-spot allowed", rule: "DBX-3", json: policy({ ...GOOD, "aws_attributes.first_on_demand": { type: "range", minValue: 0 } }), address: POLICY, status: "non-compliant", detail: "first_on_demand is not fixed at 1" },
  { name: "more on-demand nodes than the driver", rule: "DBX-3", json: policy({ ...GOOD, "aws_attributes.first_on_demand": { type: "fixed", value: 3 } }), address: POLICY, status: "non-compliant", detail: "first_on_demand is not fixed at 1" },
  { name: "both pool attributes forbidden", rule: "DBX-10", json: policy(GOOD), address: POLICY, status: "compliant" },
  { name: "a worker pool allowed", rule: "DBX-10", json: policy({ ...GOOD, instance_pool_id: { type: "unlimited" } }), address: POLICY, status: "non-compliant", detail: 'instance_pool_id is not forbidden ({"type":"unlimited"})' },
  { name: "the driver pool left open", rule: "DBX-10", json: policy({ ...GOOD, driver_instance_pool_id: undefined }), address: POLICY, status: "non-compliant", detail: "driver_instance_pool_id is not forbidden (no limitation)" },
  { name: "first_on_demand left open", rule: "DBX-3", json: policy({ num_workers: { type: "fixed", value: 2 } }), address: POLICY, status: "non-compliant", detail: "no limitation" },
  { name: "workers capped both ways", rule: "DBX-4", json: policy(GOOD), address: POLICY, status: "compliant" },
  { name: "autoscale forbidden, num_workers from a list", rule: "DBX-4", json: policy({ ...GOOD, "autoscale.max_workers": { type: "forbidden" }, num_workers: { type: "allowlist", values: [1, 2, 4] } }), address: POLICY, status: "compliant" },
  { name: "num_workers uncapped", rule: "DBX-4", json: policy({ ...GOOD, num_workers: { type: "range", minValue: 1 } }), address: POLICY, status: "non-compliant", detail: "num_workers has no upper bound" },
  { name: "dbus_per_hour capped", rule: "DBX-5", json: policy(GOOD), address: POLICY, status: "compliant" },
  { name: "dbus_per_hour unlimited", rule: "DBX-5", json: policy({ ...GOOD, dbus_per_hour: { type: "unlimited" } }), address: POLICY, status: "non-compliant", detail: "dbus_per_hour has no range maxValue" },
  { name: "all-purpose with bounded autotermination", rule: "DBX-6", json: policy(GOOD), address: POLICY, status: "compliant" },
  { name: "all-purpose that may disable autotermination", rule: "DBX-6", json: policy({ ...GOOD, autotermination_minutes: { type: "range", minValue: 0, maxValue: 120 } }), address: POLICY, status: "non-compliant", detail: "autotermination_minutes is not limited" },
  { name: "no cluster_type means all-purpose is allowed", rule: "DBX-6", json: policy({ ...GOOD, cluster_type: undefined, autotermination_minutes: undefined }), address: POLICY, status: "non-compliant", detail: "no limitation" },
  { name: "a limitation type the policy language does not have", rule: "DBX-5", json: policy({ ...GOOD, dbus_per_hour: { type: "between", maxValue: 50 } }), address: POLICY, status: "non-compliant", detail: "definition is not in the policy language (dbus_per_hour.type:" },
  { name: "a job-only policy", rule: "DBX-6", json: policy({ ...GOOD, cluster_type: { type: "fixed", value: "job" }, autotermination_minutes: undefined }), address: POLICY, status: "not-applicable" },
];

const securable = (type: string, body: Record<string, unknown>) => resources({ [type]: { s: { name: "s", ...body } } });
const grants = (grant: Record<string, unknown>[]) => resources({ databricks_grants: { g: { catalog: "c", grant } } });
/** A prod workspace whose admin groups are the platform admins (role admin) and the metastore owner. */
const WITH_ADMINS = { ...EXPECTED, workspace: { ...EXPECTED.workspace!, adminGroups: ["data-platform-admins", "metastore-owners"] } };

const DATA_CASES: RuleCase[] = [
  { name: "an isolated catalog", rule: "DBX-11", json: securable("databricks_catalog", { isolation_mode: "ISOLATED" }), address: "databricks_catalog.s", status: "compliant" },
  { name: "a catalog open to every workspace of the metastore", rule: "DBX-11", json: securable("databricks_catalog", { isolation_mode: "OPEN" }), address: "databricks_catalog.s", status: "non-compliant", detail: 'isolation_mode is "OPEN", not "ISOLATED"' },
  { name: "a catalog that leaves isolation to the default", rule: "DBX-11", json: securable("databricks_catalog", {}), address: "databricks_catalog.s", status: "non-compliant", detail: "isolation_mode is not set (open)" },
  { name: "an isolated external location", rule: "DBX-11", json: securable("databricks_external_location", { isolation_mode: "ISOLATION_MODE_ISOLATED", fallback: false }), address: "databricks_external_location.s", status: "compliant" },
  { name: "an external location that falls back to cluster credentials", rule: "DBX-11", json: securable("databricks_external_location", { isolation_mode: "ISOLATION_MODE_ISOLATED", fallback: true }), address: "databricks_external_location.s", status: "non-compliant", detail: "fallback is true" },
  { name: "a storage credential with the catalog's spelling", rule: "DBX-11", json: securable("databricks_storage_credential", { isolation_mode: "ISOLATED" }), address: "databricks_storage_credential.s", status: "non-compliant", detail: 'not "ISOLATION_MODE_ISOLATED"' },
  { name: "ALL_PRIVILEGES to an admin group", rule: "DBX-12", json: grants([{ principal: "data-platform-admins", privileges: ["ALL_PRIVILEGES"] }, { principal: "analysts", privileges: ["USE_CATALOG", "SELECT"] }]), address: "databricks_grants.g", status: "compliant", expected: WITH_ADMINS },
  { name: "ALL_PRIVILEGES to the metastore owner", rule: "DBX-12", json: grants([{ principal: "metastore-owners", privileges: ["ALL_PRIVILEGES"] }]), address: "databricks_grants.g", status: "compliant", expected: WITH_ADMINS },
  { name: "ALL_PRIVILEGES to a user group", rule: "DBX-12", json: grants([{ principal: "analysts", privileges: ["USE_CATALOG", "ALL_PRIVILEGES"] }]), address: "databricks_grants.g", status: "non-compliant", detail: '"analysts" is granted ALL_PRIVILEGES but is not an admin group here (data-platform-admins, metastore-owners)', expected: WITH_ADMINS },
  { name: "ALL_PRIVILEGES to a service principal", rule: "DBX-12", json: grants([{ principal: "${data.terraform_remote_state.w.outputs.app_id}", privileges: ["ALL_PRIVILEGES"] }]), address: "databricks_grants.g", status: "non-compliant", detail: "is granted ALL_PRIVILEGES", expected: WITH_ADMINS },
  { name: "ALL_PRIVILEGES by a singular databricks_grant", rule: "DBX-12", json: resources({ databricks_grant: { g: { catalog: "c", principal: "analysts", privileges: ["ALL_PRIVILEGES"] } } }), address: "databricks_grant.g", status: "non-compliant", detail: '"analysts"', expected: WITH_ADMINS },
  { name: "no admin groups known: nobody may hold it", rule: "DBX-12", json: grants([{ principal: "data-platform-admins", privileges: ["ALL_PRIVILEGES"] }]), address: "databricks_grants.g", status: "non-compliant", detail: "(none)" },
];

describe("Unity Catalog rules: isolated securables (DBX-11), no ALL_PRIVILEGES beyond the admins (DBX-12)", () => {
  test.each(DATA_CASES)("$rule: $name → $status", (c) => expectCase(c));
});

describe("Databricks rules: tier, protection and cluster-policy cost limits", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));
});

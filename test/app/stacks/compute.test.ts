import { describe, expect, test } from "vitest";
import type { Limitation } from "../../../config/schema/policy-language";
import { addressOf, configFromText, dataSourcesOf, ref, resourcesOf, shippedConfig, shippedRegionsText, synthApp, type StackJson } from "../../utils";

const config = shippedConfig();
const stacks = synthApp(config);
const configStacks = [...stacks.entries()].filter(([name]) => name.endsWith("-config"));
const environmentOf = (stackName: string) => stackName.replace(/-config$/, "").split("-").at(-1)!;
const regionOf = (stackName: string) => {
  const workspace = stacks.get(stackName.replace(/-config$/, ""))!;
  return String(workspace.provider!.aws![0].region);
};

function policies(stack: StackJson) {
  return resourcesOf(stack, "databricks_cluster_policy").map((policy) => ({
    name: String(policy.name),
    definition: JSON.parse(String(policy.definition)) as Record<string, Limitation & Record<string, unknown>>,
  }));
}

describe("ClusterPolicies: every policy in every config stack carries the enforced values", () => {
  test.each(configStacks)("%s: each policy fixes every cost tag, spot with one on-demand driver, auto AZ, no pools, the environment's caps", (name, stack) => {
    const environment = environmentOf(name);
    const limits = config.environments[environment].clusters;
    const tags = { ...config.costTags, Environment: environment, Region: regionOf(name) };
    const found = policies(stack);
    expect(found.map((p) => p.name)).toEqual(config.clusterPolicies.map((p) => `${name.replace(/-config$/, "")}-${p.name}`));
    for (const { definition } of found) {
      for (const [tag, value] of Object.entries(tags)) expect(definition[`custom_tags.${tag}`]).toEqual({ type: "fixed", value });
      expect(definition["aws_attributes.availability"]).toEqual({ type: "fixed", value: "SPOT_WITH_FALLBACK" });
      expect(definition["aws_attributes.zone_id"]).toEqual({ type: "fixed", value: "auto" });
      expect(definition["aws_attributes.first_on_demand"]).toEqual({ type: "fixed", value: 1 });
      expect(definition.instance_pool_id).toMatchObject({ type: "forbidden" });
      expect(definition.driver_instance_pool_id).toMatchObject({ type: "forbidden" });
      expect(definition.num_workers.maxValue).toBeLessThanOrEqual(limits.maxWorkers);
      expect(definition["autoscale.max_workers"].maxValue).toBeLessThanOrEqual(limits.maxWorkers);
      expect(definition.dbus_per_hour).toEqual({ type: "range", maxValue: limits.maxDbusPerHour });
      expect((definition.node_type_id.values as string[]).every((type) => limits.instanceTypes.includes(type))).toBe(true);
      expect((definition.driver_node_type_id.values as string[]).every((type) => limits.instanceTypes.includes(type))).toBe(true);
    }
  });

  test.each(configStacks)("%s: all-purpose policies limit auto-termination; the job policy fixes cluster_type job", (name, stack) => {
    const { max } = config.environments[environmentOf(name)].clusters.autoterminationMinutes;
    for (const { name: policyName, definition } of policies(stack)) {
      if (policyName.endsWith("-job")) {
        expect(definition.cluster_type).toEqual({ type: "fixed", value: "job" });
        expect(definition).not.toHaveProperty("autotermination_minutes");
      } else {
        expect(definition.cluster_type).toEqual({ type: "fixed", value: "all-purpose" });
        expect(definition.autotermination_minutes).toMatchObject({ type: "range", minValue: 10, maxValue: max });
      }
    }
  });

  test.each(configStacks)("%s: CAN_USE grants match regions.yaml for the groups present in the workspace", (name, stack) => {
    const environment = environmentOf(name);
    const assigned = config.groups.filter((g) => (g.roles[environment] ?? "none") !== "none").map((g) => g.name);
    const permissions = resourcesOf(stack, "databricks_permissions").filter((p) => p.cluster_policy_id);
    expect(permissions).toHaveLength(config.clusterPolicies.length);
    for (const policy of config.clusterPolicies) {
      const policyAddress = addressOf(stack, "databricks_cluster_policy", (body) => String(body.name).endsWith(`-${policy.name}`));
      const grant = permissions.find((p) => p.cluster_policy_id === ref(policyAddress, "id"))!;
      const expected = [
        ...policy.canUse.groups.filter((g) => assigned.includes(g)).map((group_name) => ({ group_name, permission_level: "CAN_USE" })),
        ...policy.canUse.servicePrincipals.map((sp) => ({
          service_principal_name: expect.stringMatching(new RegExp(`service-principal-${sp}_.*application_id\\}$`)),
          permission_level: "CAN_USE",
        })),
      ];
      expect(grant.access_control).toEqual(expected);
    }
  });

  test("dev and prod caps differ as configured", () => {
    const dev = policies(stacks.get("acme-data-euw1-dev-config")!)[0].definition;
    const prod = policies(stacks.get("acme-data-euw1-prod-config")!)[0].definition;
    expect([dev.num_workers.maxValue, prod.num_workers.maxValue]).toEqual([8, 32]);
    expect([dev.dbus_per_hour.maxValue, prod.dbus_per_hour.maxValue]).toEqual([20, 120]);
  });

  test("changing a cap in regions.yaml changes only that environment's policies", () => {
    const raised = synthApp(configFromText(shippedRegionsText.replace("      maxWorkers: 8\n", "      maxWorkers: 12\n")));
    const changed = [...stacks.keys()].filter((name) => JSON.stringify(stacks.get(name)) !== JSON.stringify(raised.get(name)));
    expect(changed.sort()).toEqual(["acme-data-apse2-dev-config", "acme-data-euw1-dev-config", "acme-data-use1-dev-config"]);
    const [before, after] = [stacks, raised].map((s) => resourcesOf(s.get("acme-data-use1-dev-config")!, "databricks_cluster_policy"));
    const differing = before.filter((policy, i) => policy.definition !== after[i].definition);
    expect(differing).toHaveLength(config.clusterPolicies.length);
    expect(policies(raised.get("acme-data-use1-dev-config")!)[0].definition.num_workers.maxValue).toBe(12);
  });
});

describe("SqlWarehouse: a general-purpose warehouse per workspace, sized per environment", () => {
  test.each(configStacks)("%s: size, auto-stop, cost tags and permissions from regions.yaml", (name, stack) => {
    const environment = environmentOf(name);
    const [warehouseConfig] = config.warehouses;
    const sizing = warehouseConfig.sizing[environment];
    const tags = { ...config.costTags, Environment: environment, Region: regionOf(name) };
    expect(resourcesOf(stack, "databricks_sql_endpoint")).toEqual([
      {
        name: `${name.replace(/-config$/, "")}-general`,
        cluster_size: sizing.clusterSize,
        min_num_clusters: 1,
        max_num_clusters: sizing.maxClusters,
        auto_stop_mins: sizing.autoStopMinutes,
        warehouse_type: "PRO",
        enable_serverless_compute: false,
        spot_instance_policy: "COST_OPTIMIZED",
        tags: { custom_tags: Object.entries(tags).map(([key, value]) => ({ key, value })) },
      },
    ]);
    const assigned = config.groups.filter((g) => (g.roles[environment] ?? "none") !== "none").map((g) => g.name);
    const [permissions] = resourcesOf(stack, "databricks_permissions").filter((p) => p.sql_endpoint_id);
    expect(permissions.sql_endpoint_id).toBe(ref(addressOf(stack, "databricks_sql_endpoint"), "id"));
    const levels = (permissions.access_control as Record<string, string>[]).map((a) => `${a.group_name ?? "airflow"}:${a.permission_level}`);
    expect(levels).toEqual([
      ...warehouseConfig.permissions.canUse.groups.filter((g) => assigned.includes(g)).map((g) => `${g}:CAN_USE`),
      "airflow:CAN_USE",
      "data-platform-admins:CAN_MANAGE",
    ]);
  });
});

describe("UsageLogDelivery: billable usage and audit logs for spend reports", () => {
  const account = stacks.get("acme-data-account")!;

  test("a fixed-name, protected, encrypted, TLS-only log bucket", () => {
    const bucket = addressOf(account, "aws_s3_bucket");
    expect(resourcesOf(account, "aws_s3_bucket")).toEqual([
      expect.objectContaining({ bucket: "acme-data-usage-logs", force_destroy: false, lifecycle: { prevent_destroy: true } }),
    ]);
    expect(resourcesOf(account, "aws_s3_bucket_server_side_encryption_configuration")[0].bucket).toBe(ref(bucket, "id"));
    expect(JSON.stringify(dataSourcesOf(account, "aws_iam_policy_document"))).toContain("aws:SecureTransport");
  });

  test("its own log-delivery role, credentials and storage configuration", () => {
    expect(dataSourcesOf(account, "databricks_aws_assume_role_policy")).toEqual([
      { external_id: config.databricksAccountId, for_log_delivery: true },
    ]);
    expect(resourcesOf(account, "aws_iam_role")).toEqual([expect.objectContaining({ name: "acme-data-log-delivery" })]);
    expect(resourcesOf(account, "databricks_mws_credentials")).toEqual([
      expect.objectContaining({ credentials_name: "acme-data-log-delivery", role_arn: ref(addressOf(account, "aws_iam_role"), "arn") }),
    ]);
    expect(resourcesOf(account, "databricks_mws_storage_configurations")).toEqual([
      { account_id: config.databricksAccountId, storage_configuration_name: "acme-data-usage-logs", bucket_name: ref(addressOf(account, "aws_s3_bucket"), "bucket") },
    ]);
  });

  test("two deliveries, billable usage as CSV and audit logs as JSON, own prefixes, prevent_destroy", () => {
    const common = {
      account_id: config.databricksAccountId,
      credentials_id: ref(addressOf(account, "databricks_mws_credentials"), "credentials_id"),
      storage_configuration_id: ref(addressOf(account, "databricks_mws_storage_configurations"), "storage_configuration_id"),
      status: "ENABLED",
      lifecycle: { prevent_destroy: true },
    };
    expect(resourcesOf(account, "databricks_mws_log_delivery")).toEqual(
      expect.arrayContaining([
        { ...common, config_name: "acme-data-billable-usage", log_type: "BILLABLE_USAGE", output_format: "CSV", delivery_path_prefix: "billable-usage" },
        { ...common, config_name: "acme-data-audit-logs", log_type: "AUDIT_LOGS", output_format: "JSON", delivery_path_prefix: "audit-logs" },
      ]),
    );
    expect(resourcesOf(account, "databricks_mws_log_delivery")).toHaveLength(2);
  });

  test("the account stack's AWS resources carry the cost tags, Environment shared", () => {
    expect(account.provider?.aws?.[0]).toEqual({
      region: "us-east-1",
      default_tags: [{ tags: { ...config.costTags, Environment: "shared", Region: "us-east-1" } }],
    });
  });
});

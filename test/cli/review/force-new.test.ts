import { describe, expect, test } from "vitest";
import { forceNewRule, forcesReplacement } from "../../../cli/review/force-new";

/** Every resource type the app emits now or soon (issue 5). A new type must get a table entry. */
const EMITTED_TYPES = [
  "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_eip", "aws_nat_gateway", "aws_route_table", "aws_route",
  "aws_route_table_association", "aws_security_group", "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule", "aws_default_security_group", "aws_vpc_endpoint", "aws_flow_log",
  "aws_cloudwatch_log_group", "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_s3_bucket",
  "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy", "aws_kms_key", "aws_kms_alias", "aws_secretsmanager_secret",
  "aws_secretsmanager_secret_version", "time_sleep", "databricks_mws_credentials", "databricks_mws_storage_configurations",
  "databricks_mws_networks", "databricks_mws_workspaces", "databricks_mws_permission_assignment",
  "databricks_mws_log_delivery", "databricks_mws_vpc_endpoint", "databricks_mws_private_access_settings",
  "databricks_mws_customer_managed_keys", "databricks_service_principal", "databricks_service_principal_secret",
  "databricks_group", "databricks_group_member", "databricks_metastore", "databricks_metastore_assignment",
  "databricks_entitlements", "databricks_cluster_policy", "databricks_permissions", "databricks_sql_endpoint",
  "databricks_catalog", "databricks_grants", "databricks_disable_legacy_access_setting",
  "databricks_disable_legacy_dbfs_setting", "time_rotating", "databricks_system_schema", "databricks_budget",
  "databricks_budget_policy", "databricks_access_control_rule_set", "databricks_dashboard", "databricks_storage_credential",
  "databricks_external_location", "databricks_workspace_binding",
];

describe("force-new table", () => {
  test.each(EMITTED_TYPES)("%s has an entry naming its provider source file", (type) => {
    const rule = forceNewRule(type);
    expect(rule).toBeDefined();
    expect(rule!.source).toMatch(/terraform-provider-(aws|databricks|time) \S+\.go/);
  });

  test("unknown types have no entry (so they are reported as may-be-replaced)", () => {
    expect(forceNewRule("aws_lb")).toBeUndefined();
    expect(forceNewRule("constructor")).toBeUndefined();
  });

  const workspace = forceNewRule("databricks_mws_workspaces")!;
  test.each([
    ["workspace_name", true], ["deployment_name", true], ["aws_region", true], ["storage_configuration_id", true],
    ["credentials_id", false], ["network_id", false], ["custom_tags", false], ["private_access_settings_id", false],
    ["storage_customer_managed_key_id", false], ["managed_services_customer_managed_key_id", false],
    ["expected_workspace_status", false], ["token", false],
  ])("databricks_mws_workspaces.%s forces replacement: %s", (attribute, expected) => {
    expect(forcesReplacement(workspace, [attribute])).toBe(expected);
  });

  test("nested paths: list indices are ignored, a removed block counts, an exception stays in place", () => {
    const endpoint = forceNewRule("aws_vpc_endpoint")!;
    expect(forcesReplacement(endpoint, ["dns_options", 0, "private_dns_preference"])).toBe(true);
    expect(forcesReplacement(endpoint, ["dns_options"])).toBe(true);
    expect(forcesReplacement(endpoint, ["dns_options", 0, "dns_record_ip_type"])).toBe(false);
    expect(forcesReplacement(forceNewRule("aws_s3_bucket")!, ["tags", "Team"])).toBe(false);
    const catalog = forceNewRule("databricks_catalog")!;
    expect(forcesReplacement(catalog, ["options", "authorized_paths"])).toBe(false);
    expect(forcesReplacement(catalog, ["options", "host"])).toBe(true);
  });

  // Provider v1.99 source, not the assumption: a catalog renames in place and only its storage
  // root replaces it; a credential's role and a location's URL update in place; only names replace.
  test.each([
    ["databricks_catalog", "storage_root", true], ["databricks_catalog", "name", false],
    ["databricks_storage_credential", "name", true], ["databricks_storage_credential", "aws_iam_role.role_arn", false],
    ["databricks_storage_credential", "read_only", false],
    ["databricks_external_location", "name", true], ["databricks_external_location", "url", false],
    ["databricks_external_location", "read_only", false],
    ["databricks_workspace_binding", "workspace_id", true], ["databricks_workspace_binding", "binding_type", true],
    ["databricks_workspace_binding", "securable_name", false],
    ["databricks_grants", "catalog", true], ["databricks_grants", "external_location", true], ["databricks_grants", "grant", false],
  ])("%s.%s forces replacement: %s", (type, attribute, expected) => {
    expect(forcesReplacement(forceNewRule(type)!, attribute.split("."))).toBe(expected);
  });

  test.each([
    ["databricks_dashboard", "parent_path", true],
    ["databricks_dashboard", "serialized_dashboard", false],
    ["databricks_dashboard", "warehouse_id", false],
    ["databricks_dashboard", "embed_credentials", false],
    ["databricks_access_control_rule_set", "name", true],
    ["databricks_access_control_rule_set", "grant_rules", false],
    ["databricks_budget_policy", "custom_tags", false],
    ["databricks_budget_policy", "binding_workspace_ids", false],
    ["databricks_budget_policy", "policy_name", false],
    ["databricks_budget", "alert_configurations", false],
    ["databricks_budget", "filter", false],
    ["databricks_system_schema", "schema", false],
  ])("%s.%s forces replacement: %s", (type, attribute, expected) => {
    expect(forcesReplacement(forceNewRule(type)!, [attribute])).toBe(expected);
  });

  test("every mws_networks / credentials / storage_configurations argument forces replacement", () => {
    for (const type of ["databricks_mws_networks", "databricks_mws_credentials", "databricks_mws_storage_configurations"]) {
      expect(forcesReplacement(forceNewRule(type)!, ["anything_at_all"])).toBe(true);
    }
  });
});

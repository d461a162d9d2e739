/**
 * Which argument changes make terraform destroy and recreate a resource, per resource type the app
 * emits. Read from the provider source at the versions we build against (hashicorp/aws 6.25.0,
 * databricks/databricks 1.99.0: the versions the @cdktf/provider-* bindings pin): the file named
 * beside each entry is the schema (ForceNew / RequiresReplace / `tf:"force_new"`, or a resource with no
 * Update function, where the SDK forces every argument). A type missing here is reported as
 * "may be replaced": add it, with its source, rather than guessing.
 *
 * Paths are dot-separated argument paths without list indices (`dns_options.private_dns_preference`).
 */

export interface ForceNewRule {
  /** Provider repository and file the rule was read from. */
  readonly source: string;
  /** Arguments whose change replaces the resource; `"*"` means every argument. */
  readonly forceNew: readonly string[];
  /** Arguments under `"*"` (or under a listed block) that update in place. */
  readonly except?: readonly string[];
  /** Exactly one of these is set; switching which one is set replaces the resource. */
  readonly replaceOnSwitch?: readonly string[];
  /** A caveat the table cannot express, shown with the resource. */
  readonly note?: string;
}

const AWS = "hashicorp/terraform-provider-aws internal/service/";
const DATABRICKS = "databricks/terraform-provider-databricks ";
/**
 * AWS provider 6.x injects a top-level `region` argument into every regional resource and forces
 * replacement when it changes (internal/provider/sdkv2/region.go, forceNewIfRegionChanges). IAM is global.
 */
const REGION = "region";

/** SDKv2 resources without an Update function: every argument forces a new resource (common/resource.go). */
const NO_UPDATE = "no Update function, so every argument is ForceNew (common/resource.go)";

export const FORCE_NEW_RULES: Readonly<Record<string, ForceNewRule>> = {
  // ── network (AWS EC2) ──
  aws_vpc: { source: `${AWS}ec2/vpc_.go`, forceNew: ["cidr_block", "ipv4_ipam_pool_id", "ipv4_netmask_length", REGION] },
  aws_subnet: {
    source: `${AWS}ec2/vpc_subnet.go`,
    forceNew: [
      "availability_zone", "availability_zone_id", "cidr_block", "ipv4_ipam_pool_id", "ipv4_netmask_length",
      "ipv6_ipam_pool_id", "ipv6_native", "ipv6_netmask_length", "outpost_arn", "vpc_id", REGION,
    ],
    note: "ipv6_cidr_block also forces replacement when assign_ipv6_address_on_creation was true",
  },
  aws_internet_gateway: { source: `${AWS}ec2/vpc_internet_gateway.go`, forceNew: [REGION] },
  aws_eip: {
    source: `${AWS}ec2/ec2_eip.go`,
    forceNew: ["address", "domain", "ipam_pool_id", "network_border_group", "public_ipv4_pool", REGION],
  },
  aws_nat_gateway: {
    source: `${AWS}ec2/vpc_nat_gateway.go`,
    forceNew: ["allocation_id", "connectivity_type", "private_ip", "secondary_private_ip_address_count", "subnet_id", REGION],
  },
  aws_route_table: { source: `${AWS}ec2/vpc_route_table.go`, forceNew: ["vpc_id", REGION] },
  aws_route: {
    source: `${AWS}ec2/vpc_route.go`,
    forceNew: ["route_table_id", "destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id", REGION],
  },
  aws_route_table_association: {
    source: `${AWS}ec2/vpc_route_table_association.go`,
    forceNew: ["subnet_id", "gateway_id", REGION],
  },
  aws_security_group: {
    source: `${AWS}ec2/vpc_security_group.go`,
    forceNew: ["description", "name", "name_prefix", "vpc_id", REGION],
  },
  aws_vpc_security_group_ingress_rule: {
    source: `${AWS}ec2/vpc_security_group_ingress_rule.go`,
    forceNew: ["security_group_id", REGION],
    replaceOnSwitch: ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"],
  },
  aws_vpc_security_group_egress_rule: {
    source: `${AWS}ec2/vpc_security_group_ingress_rule.go (shared rule schema)`,
    forceNew: ["security_group_id", REGION],
    replaceOnSwitch: ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"],
  },
  aws_default_security_group: {
    source: `${AWS}ec2/vpc_default_security_group.go`,
    forceNew: ["vpc_id", REGION],
    note: "delete only forgets the group (the VPC's default group cannot be deleted)",
  },
  aws_vpc_endpoint: {
    source: `${AWS}ec2/vpc_endpoint.go`,
    forceNew: [
      "resource_configuration_arn", "service_name", "service_network_arn", "service_region", "vpc_endpoint_type",
      "vpc_id", "dns_options.private_dns_preference", "dns_options.private_dns_specified_domains", REGION,
    ],
    note: "private_dns_enabled also forces replacement on non-Interface endpoints",
  },
  aws_flow_log: { source: `${AWS}ec2/vpc_flow_log.go`, forceNew: ["*"], except: ["tags", "tags_all"] },
  // ── logs, IAM, KMS, secrets ──
  aws_cloudwatch_log_group: {
    source: `${AWS}logs/group.go`,
    forceNew: ["log_group_class", "name", "name_prefix", REGION],
  },
  aws_iam_role: { source: `${AWS}iam/role.go`, forceNew: ["name", "name_prefix", "path"] },
  aws_iam_role_policy: { source: `${AWS}iam/role_policy.go`, forceNew: ["name", "name_prefix", "role"] },
  aws_iam_role_policy_attachment: { source: `${AWS}iam/role_policy_attachment.go`, forceNew: ["role", "policy_arn"] },
  // 6.x: client_id_list and thumbprint_list update in place (Add/RemoveClientID, UpdateThumbprint).
  aws_iam_openid_connect_provider: { source: `${AWS}iam/openid_connect_provider.go`, forceNew: ["url"] },
  aws_kms_key: {
    source: `${AWS}kms/key.go`,
    forceNew: ["custom_key_store_id", "customer_master_key_spec", "key_usage", "multi_region", "xks_key_id", REGION],
  },
  aws_kms_alias: { source: `${AWS}kms/alias.go`, forceNew: ["name", "name_prefix", REGION] },
  aws_secretsmanager_secret: { source: `${AWS}secretsmanager/secret.go`, forceNew: ["name", "name_prefix", REGION] },
  aws_secretsmanager_secret_version: {
    source: `${AWS}secretsmanager/secret_version.go`,
    forceNew: ["secret_id", "secret_binary", "secret_string", "secret_string_wo_version", REGION],
  },
  // ── S3 ──
  aws_s3_bucket: { source: `${AWS}s3/bucket.go`, forceNew: ["bucket", "bucket_prefix", "object_lock_enabled", REGION] },
  aws_s3_bucket_versioning: { source: `${AWS}s3/bucket_versioning.go`, forceNew: ["bucket", "expected_bucket_owner", REGION] },
  aws_s3_bucket_server_side_encryption_configuration: {
    source: `${AWS}s3/bucket_server_side_encryption_configuration.go`,
    forceNew: ["bucket", "expected_bucket_owner", REGION],
  },
  aws_s3_bucket_public_access_block: { source: `${AWS}s3/bucket_public_access_block.go`, forceNew: ["bucket", REGION] },
  aws_s3_bucket_ownership_controls: { source: `${AWS}s3/bucket_ownership_controls.go`, forceNew: ["bucket", REGION] },
  aws_s3_bucket_policy: { source: `${AWS}s3/bucket_policy.go`, forceNew: ["bucket", REGION] },
  // ── time ──
  time_sleep: { source: "hashicorp/terraform-provider-time internal/provider/resource_time_sleep.go", forceNew: ["triggers"] },
  time_rotating: {
    source: "hashicorp/terraform-provider-time internal/provider/resource_time_rotating.go",
    forceNew: ["rfc3339", "triggers"],
    note: "also recreated by the first plan after its rotation date (it leaves state), which replaces what names its timestamp",
  },
  // ── Databricks account level (mws) ──
  databricks_mws_credentials: { source: `${DATABRICKS}mws/resource_mws_credentials.go`, forceNew: ["*"] },
  databricks_mws_storage_configurations: {
    source: `${DATABRICKS}mws/resource_mws_storage_configurations.go (${NO_UPDATE})`,
    forceNew: ["*"],
  },
  databricks_mws_networks: {
    source: `${DATABRICKS}mws/mws.go (Network) + mws/resource_mws_networks.go`,
    forceNew: ["*"],
    except: ["gcp_network_info.pod_ip_range_name", "gcp_network_info.service_ip_range_name"],
  },
  // deployment_name forces replacement, so a changed deploymentNamePrefix is reported as one for
  // every workspace. Terraform itself may plan less: the field's DiffSuppressFunc (same file,
  // provider issue #382) hides a change unless the new value ends with the old one, and the old
  // one in state is the prefixed name the API returns. Either way the URL does not follow the new
  // name in place: the review says "replace" so nobody expects it to.
  databricks_mws_workspaces: {
    source: `${DATABRICKS}mws/resource_mws_workspaces.go (workspaceRunningUpdatesAllowed)`,
    forceNew: ["*"],
    // The allow-list, plus Optional+Computed fields the schema loop skips (`tf:"computed"`).
    except: [
      "credentials_id", "network_id", "storage_customer_managed_key_id", "private_access_settings_id",
      "managed_services_customer_managed_key_id", "custom_tags", "expected_workspace_status", "token",
      "pricing_tier", "network_connectivity_config_id", "cloud",
    ],
  },
  databricks_mws_permission_assignment: {
    source: `${DATABRICKS}mws/resource_mws_permission_assignment.go (${NO_UPDATE})`,
    forceNew: ["*"],
  },
  databricks_mws_log_delivery: { source: `${DATABRICKS}mws/resource_mws_log_delivery.go`, forceNew: ["*"], except: ["status"] },
  databricks_mws_vpc_endpoint: { source: `${DATABRICKS}mws/resource_mws_vpc_endpoint.go (${NO_UPDATE})`, forceNew: ["*"] },
  databricks_mws_private_access_settings: { source: `${DATABRICKS}mws/resource_mws_private_access_settings.go`, forceNew: [] },
  databricks_mws_customer_managed_keys: {
    source: `${DATABRICKS}mws/resource_mws_customer_managed_keys.go (${NO_UPDATE})`,
    forceNew: ["*"],
  },
  // ── Databricks identity, Unity Catalog, workspace objects ──
  databricks_service_principal: { source: `${DATABRICKS}scim/resource_service_principal.go`, forceNew: ["application_id"] },
  databricks_service_principal_secret: {
    source: `${DATABRICKS}tokens/resource_service_principal_secret.go (${NO_UPDATE})`,
    forceNew: ["*"],
  },
  databricks_group: { source: `${DATABRICKS}scim/resource_group.go`, forceNew: ["external_id"] },
  databricks_group_member: { source: `${DATABRICKS}scim/resource_group_member.go (${NO_UPDATE})`, forceNew: ["*"] },
  databricks_entitlements: {
    source: `${DATABRICKS}scim/resource_entitlement.go`,
    forceNew: ["group_id", "user_id", "service_principal_id"],
  },
  databricks_metastore: { source: `${DATABRICKS}catalog/resource_metastore.go`, forceNew: ["storage_root"] },
  databricks_metastore_assignment: {
    source: `${DATABRICKS}catalog/resource_metastore_assignment.go`,
    forceNew: ["workspace_id", "metastore_id"],
  },
  databricks_catalog: {
    source: `${DATABRICKS}catalog/resource_catalog.go`,
    forceNew: ["connection_name", "provider_name", "share_name", "storage_root", "options"],
    except: ["options.authorized_paths"],
  },
  // Only the name replaces these two: the role ARN of a credential and the URL of a location update
  // in place, so a moved prefix or a new role is an update, not a new securable.
  databricks_storage_credential: {
    source: `${DATABRICKS}catalog/resource_storage_credential.go (Name \`tf:"force_new"\`)`,
    forceNew: ["name"],
  },
  databricks_external_location: {
    source: `${DATABRICKS}catalog/resource_external_location.go`,
    forceNew: ["name"],
    note: "a new url updates in place; Unity Catalog refuses it while tables depend on the old path unless force_update is set",
  },
  databricks_workspace_binding: {
    source: `${DATABRICKS}catalog/resource_workspace_binding.go (${NO_UPDATE})`,
    forceNew: ["*"],
    except: ["securable_name"],
    note: "securable_name is Optional+Computed, which the ForceNew loop skips: the docs call it force-new, the code plans an update that changes nothing",
  },
  databricks_grants: {
    source: `${DATABRICKS}catalog/resource_grants.go (securable fields from catalog/permissions/permissions.go)`,
    forceNew: [
      "catalog", "credential", "external_location", "foreign_connection", "function", "metastore", "model",
      "pipeline", "recipient", "schema", "share", "storage_credential", "table", "volume",
    ],
  },
  databricks_cluster_policy: { source: `${DATABRICKS}policies/resource_cluster_policy.go`, forceNew: [] },
  databricks_permissions: {
    source: `${DATABRICKS}permissions/resource_permissions.go (object id fields)`,
    forceNew: [
      "alert_v2_id", "app_name", "authorization", "cluster_id", "cluster_policy_id", "dashboard_id",
      "database_instance_name", "directory_id", "directory_path", "experiment_id", "instance_pool_id", "job_id",
      "notebook_id", "notebook_path", "pipeline_id", "registered_model_id", "repo_id", "repo_path",
      "serving_endpoint_id", "sql_alert_id", "sql_dashboard_id", "sql_endpoint_id", "sql_query_id",
      "vector_search_endpoint_id", "workspace_file_id", "workspace_file_path",
    ],
  },
  databricks_sql_endpoint: { source: `${DATABRICKS}sql/resource_sql_endpoint.go`, forceNew: [] },
  // ── Databricks spend: system tables, budgets, budget policies, dashboards ──
  // Changing `schema` is an Update (enable the new one, disable the old); no argument forces a new one.
  databricks_system_schema: { source: `${DATABRICKS}catalog/resource_system_schema.go`, forceNew: [] },
  databricks_budget: { source: `${DATABRICKS}finops/resource_budget.go`, forceNew: [] },
  // policy_id is Optional+Computed with RequiresReplace; the app never sets it, so in practice nothing replaces.
  databricks_budget_policy: {
    source: `${DATABRICKS}internal/providers/pluginfw/products/budget_policy/resource_budget_policy.go`,
    forceNew: ["policy_id"],
  },
  databricks_access_control_rule_set: { source: `${DATABRICKS}permissions/resource_access_control_rule_set.go`, forceNew: ["name"] },
  databricks_dashboard: {
    source: `${DATABRICKS}dashboards/resource_dashboard.go`,
    forceNew: ["parent_path"],
    // docs/resources/dashboard.md (v1.99), Notes: switching between the two needs the dashboard destroyed first.
    replaceOnSwitch: ["serialized_dashboard", "file_path"],
    note: "published on every create and update; a failed publish moves the dashboard to the trash (the next apply recreates it with a new id)",
  },
  // Workspace settings: one generic resource with an Update (create and update both write the setting).
  databricks_disable_legacy_access_setting: { source: `${DATABRICKS}settings/generic_setting.go`, forceNew: [] },
  databricks_disable_legacy_dbfs_setting: { source: `${DATABRICKS}settings/generic_setting.go`, forceNew: [] },
};

export function forceNewRule(type: string): ForceNewRule | undefined {
  return Object.hasOwn(FORCE_NEW_RULES, type) ? FORCE_NEW_RULES[type] : undefined;
}

/** Attribute path without list indices: `["dns_options", 0, "x"]` → `["dns_options", "x"]`. */
function names(path: readonly (string | number)[]): string[] {
  return path.filter((segment): segment is string => typeof segment === "string");
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && overlaps(path, prefix);
}

/**
 * Does a change at `path` replace the resource? A whole block added or removed (`path` shorter than a
 * listed nested argument) counts: the nested argument changed with it.
 */
export function forcesReplacement(rule: ForceNewRule, path: readonly (string | number)[]): boolean {
  const attribute = names(path);
  const { forceNew, except } = splitPaths(rule);
  if (except.some((entry) => startsWith(attribute, entry))) return false;
  return forceNew.some((entry) => (entry.length === 1 && entry[0] === "*") || overlaps(attribute, entry));
}

interface SplitRule {
  readonly forceNew: readonly (readonly string[])[];
  readonly except: readonly (readonly string[])[];
}

/** A rule's paths split at the dots once: a fleet-wide tag change asks ~20,000 times (bench profile). */
const splitRules = new WeakMap<ForceNewRule, SplitRule>();

function splitPaths(rule: ForceNewRule): SplitRule {
  let split = splitRules.get(rule);
  if (!split) {
    split = { forceNew: rule.forceNew.map((entry) => entry.split(".")), except: (rule.except ?? []).map((entry) => entry.split(".")) };
    splitRules.set(rule, split);
  }
  return split;
}

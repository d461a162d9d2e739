/**
 * Values the Databricks APIs accept for what the app grants, sizes and enforces inside workspaces.
 * test/domain/platform-facts-sdk.test.ts checks the enum-like ones against the Databricks SDK's API model.
 */

/** Workspace roles (databricks provider docs/resources/mws_permission_assignment.md (v1.99)). */
export const WORKSPACE_PERMISSIONS = { user: "USER", admin: "ADMIN" } as const;

/**
 * Object permission levels granted here (databricks provider docs/resources/permissions.md (v1.99)):
 * CAN_USE on cluster policies; CAN_USE and CAN_MANAGE on SQL warehouses; CAN_READ on dashboards
 * ("Dashboards have four possible permissions: CAN_READ, CAN_RUN, CAN_EDIT and CAN_MANAGE").
 */
export const PERMISSION_LEVELS = { use: "CAN_USE", manage: "CAN_MANAGE", read: "CAN_READ" } as const;

/** SQL warehouse sizes (databricks provider docs/resources/sql_endpoint.md (v1.99), `cluster_size`). */
export const WAREHOUSE_SIZES = ["2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large", "2X-Large", "3X-Large", "4X-Large"] as const;

/** Pro warehouses run in the workspace VPC; COST_OPTIMIZED uses spot where it can (sql_endpoint.md (v1.99)). */
export const WAREHOUSE_TYPE = "PRO";
export const WAREHOUSE_SPOT_POLICY = "COST_OPTIMIZED";

/** Usage logs: billable usage as CSV, audit logs as JSON (databricks provider docs/resources/mws_log_delivery.md (v1.99)). */
export const LOG_DELIVERIES = [
  { kind: "billable-usage", logType: "BILLABLE_USAGE", outputFormat: "CSV" },
  { kind: "audit-logs", logType: "AUDIT_LOGS", outputFormat: "JSON" },
] as const;

/**
 * Every workspace user and service principal is in the built-in `users` group, which by default
 * carries workspace access and Databricks SQL access; entitlements add up across a principal's
 * groups (docs.databricks.com/aws/en/security/auth/entitlements, "Default entitlements"; the
 * `users` group example in databricks provider docs/resources/entitlements.md (v1.99)).
 */
export const ALL_USERS_GROUP = "users";

/**
 * Cluster attributes every policy pins (docs.databricks.com/aws/en/admin/clusters/policy-definition;
 * databricks provider docs/resources/cluster.md (v1.99), `aws_attributes`): workers on spot with
 * fallback to on-demand, exactly one on-demand node (the driver: with `first_on_demand` ≥ 1 the driver
 * is on demand, and every further on-demand node is a worker not on spot), and `auto` AZ, which
 * retries in another AZ when one runs out of capacity.
 */
export const ENFORCED_CLUSTER_ATTRIBUTES = {
  availability: "SPOT_WITH_FALLBACK",
  zoneId: "auto",
  firstOnDemand: 1,
} as const;

/**
 * Values of a policy's virtual `cluster_type` attribute: the kinds of compute a policy can be for
 * (docs.databricks.com/aws/en/admin/clusters/policy-definition, "Virtual attribute: cluster_type").
 */
export const CLUSTER_TYPES = ["job", "all-purpose", "dlt"] as const;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

/**
 * Pool attributes a policy forbids: a cluster on an instance pool takes its node type from the pool,
 * so the node_type_id allowlist would not decide it (the policy reference's own example forbids
 * `instance_pool_id`, docs.databricks.com/aws/en/admin/clusters/policy-definition).
 */
export const POOL_ATTRIBUTES = ["instance_pool_id", "driver_instance_pool_id"] as const;

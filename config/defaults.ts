/**
 * Defaults for optional regions.yaml fields, one place per concern. The schema applies them, so a
 * field left out of regions.yaml and the same field written with its default synthesize identically.
 */
import { PRICING_TIER } from "../domain/platform-facts";

export const NETWORK_DEFAULTS = {
  /** /18 = 16,379 usable addresses per AZ; each cluster node takes two. */
  privateSubnetNetmask: 18,
  /** Public subnets only hold NAT gateways. */
  publicSubnetNetmask: 26,
  flowLogRetentionDays: 90,
} as const;

export const ENVIRONMENT_DEFAULTS = {
  natGateways: "single",
  protected: false,
  /** Unity Catalog only, as SRA sets up every workspace: legacy Hive metastore and DBFS access off. */
  legacyAccess: false,
} as const;

export const REGION_DEFAULTS = {
  /** A region is kept; `true` is the first of two steps that remove one (docs/lifecycle.md). */
  decommission: false,
} as const;

export const ACCOUNT_DEFAULTS = {
  pricingTier: PRICING_TIER.premium,
} as const;

export const STATE_DEFAULTS = {
  keyPrefix: "databricks-workspaces",
} as const;

export const GITHUB_DEFAULTS = {
  /** An AWS account without GitHub's OIDC provider gets it from the bootstrap stack. */
  oidcProvider: "create",
} as const;

/**
 * Workspace entitlements a group or service principal gets where it has a role. Cluster creation
 * is off: clusters come from cluster policies, which carry the cost and size guardrails.
 */
export const ENTITLEMENT_DEFAULTS = {
  workspaceAccess: true,
  sqlAccess: true,
  clusterCreate: false,
} as const;

/**
 * What the built-in `users` group (every user and service principal of a workspace) is entitled to:
 * nothing. Entitlements add up across a principal's groups and `users` carries workspace and SQL
 * access out of the box, so anything else would grant them to everyone, whatever their group says.
 */
export const ALL_USERS_ENTITLEMENT_DEFAULTS = {
  workspaceAccess: false,
  sqlAccess: false,
  clusterCreate: false,
} as const;

export const SERVICE_PRINCIPAL_DEFAULTS = {
  /**
   * Days between OAuth secret rotations. A secret lives 730 days (domain/platform-facts); rotating every
   * 90 leaves room for a scheduled apply to miss a few runs before anything expires.
   */
  secretRotationDays: 90,
} as const;

export const GROUP_DEFAULTS = {
  /** Groups normally come from the identity provider by SCIM; creating them again collides. */
  source: "scim",
} as const;

/** Cluster caps for an environment that sets none: small, short-lived, general-purpose. */
export const CLUSTER_DEFAULTS = {
  maxWorkers: 8,
  maxDbusPerHour: 20,
  autoterminationMinutes: { default: 30, max: 120 },
  instanceTypes: ["m6i.xlarge", "m6i.2xlarge"],
} as const;

/**
 * A data bucket entry that says nothing more covers the whole bucket, read-only: writing to a data
 * lake the platform did not create is something to ask for.
 */
export const DATA_BUCKET_DEFAULTS = {
  prefix: "",
  access: "readOnly",
} as const;

export const SPEND_DEFAULTS = {
  /**
   * The schemas the spend and audit views need first: who did what (access) and which clusters ran
   * (compute). Billing is on by default and never declared (domain/platform-facts).
   */
  systemSchemas: ["access", "compute"],
  /** A budget alerts once its month's spend reaches the budget. */
  alertAtPercent: [100],
} as const;

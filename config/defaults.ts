/**
 * Defaults for optional regions.yaml fields, one place per concern. The schema applies them, so a
 * field left out of regions.yaml and the same field written with its default synthesize identically.
 */
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
} as const;

export const ACCOUNT_DEFAULTS = {
  pricingTier: "PREMIUM",
} as const;

export const STATE_DEFAULTS = {
  keyPrefix: "databricks-workspaces",
} as const;

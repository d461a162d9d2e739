/**
 * Facts about Databricks accounts and workspaces on AWS that decide whether an apply succeeds:
 * pricing tiers, deployment names, the control plane's AWS account and what a customer-managed key
 * must let it do, and the waits the platform needs between steps.
 */

/**
 * Workspace pricing tiers the app accepts. Cluster policies, permissions and audit logs need PREMIUM
 * or above (docs.databricks.com/aws/en/admin/clusters/policy-definition; …/admin/account-settings/audit-logs).
 */
export const PRICING_TIER = { premium: "PREMIUM", enterprise: "ENTERPRISE" } as const;
export const PRICING_TIERS = [PRICING_TIER.premium, PRICING_TIER.enterprise] as const;
export type PricingTier = (typeof PRICING_TIERS)[number];

/**
 * Hardening features that exist only on the Enterprise tier: customer-managed keys
 * (docs.databricks.com/aws/en/security/keys/customer-managed-keys, "requires the Enterprise pricing
 * tier") and back-end PrivateLink (docs.databricks.com/aws/en/security/network/classic/privatelink,
 * "Requirements: your Databricks account is on the Enterprise pricing tier"). A workspace that asks
 * for either on PREMIUM fails at apply.
 */
export const ENTERPRISE_ONLY_HARDENING = {
  customerManagedKeys: "customer-managed keys",
  privateLink: "back-end PrivateLink",
} as const;

/**
 * `deployment_name` is accepted only once Databricks has set a deployment-name prefix on the account,
 * and the workspace URL becomes `https://<prefix>-<deployment_name>.cloud.databricks.com`; a new or
 * changed prefix only affects workspaces created afterwards (databricks provider
 * docs/resources/mws_workspaces.md (v1.99), `deployment_name`). Without a prefix the field is left
 * out and Databricks generates the URL.
 */
export const WORKSPACE_HOST_SUFFIX = ".cloud.databricks.com";

/**
 * The AWS account of the Databricks control plane (commercial): what a customer-managed key policy
 * names as principal (databricks provider docs/resources/mws_customer_managed_keys.md (v1.99);
 * databricks/terraform-databricks-sra aws/tf/cmk.tf).
 */
export const DATABRICKS_CONTROL_PLANE_ACCOUNT = "414351767826";

/**
 * What each customer-managed key policy must allow (mws_customer_managed_keys.md (v1.99), "For AWS";
 * SRA cmk.tf adds the `aws:PrincipalTag/DatabricksAccountId` condition on the control plane, so only
 * our Databricks account may use the key).
 */
export const CMK_KEY_POLICY = {
  /** Managed services (notebooks, secrets, queries in the control plane): the control plane. */
  managedServices: ["kms:Encrypt", "kms:Decrypt"],
  /** Workspace storage (root bucket, DBFS): the control plane. */
  storage: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
  /**
   * Workspace storage: the control plane may create grants for AWS resources, which is how it hands
   * the key to the services that encrypt the workspace's data ("Allow Databricks to use KMS key for
   * DBFS (Grants)" with `kms:GrantIsForAWSResource` = true). SRA cmk.tf leaves this statement out;
   * the provider docs are followed.
   */
  storageGrants: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
  /** Workspace storage: the cross-account role, through EC2 only, for cluster EBS volumes. */
  storageEbsVolumes: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
} as const;

/**
 * A new IAM role is not visible to Databricks at once: credentials validated too early fail with
 * "Failed credential validation checks" (provider issues #951, #1363). The provider's guide waits
 * with time_sleep (databricks provider docs/guides/aws-workspace.md (v1.99)); SRA waits 30 s
 * (aws/tf/modules/databricks_account/workspace/main.tf `wait_30_seconds`).
 */
export const IAM_PROPAGATION_WAIT = "30s";

/**
 * A new workspace cannot always be found by id at once: SRA waits 60 s after creating it before
 * anything configures it (aws/tf/main.tf `time_sleep.wait_for_workspace`, gating the workspace-level
 * settings).
 */
export const WORKSPACE_READY_WAIT = "60s";

/**
 * A service-principal OAuth secret lives 730 days unless told otherwise, and only an apply after it
 * expired replaces it (databricks provider docs/resources/service_principal_secret.md (v1.99),
 * `lifetime`). The same page rotates it by depending on a `time_rotating`.
 */
export const SERVICE_PRINCIPAL_SECRET_LIFETIME_DAYS = 730;

/**
 * Adopting what already exists: the id Terraform imports each object by, and what those ids look
 * like, so a wrong one is caught in regions.yaml rather than by a failed or, worse, a silently
 * ignored import (once an address is in state, terraform ignores a changed import id: research-15 §5).
 */

/** An id with no format documented: letters, digits and `-` (a `/` or `|` would break the import id it is joined into). */
const OPAQUE_ID = /^[A-Za-z0-9-]+$/;

/** The id formats regions.yaml's `adopt` keys are checked against, with their sources. */
export const ADOPT_ID_FORMATS = {
  /**
   * `workspace_id` is an int64 (databricks provider source mws/mws.go `WorkspaceID int64`, v1.99): at most
   * 19 digits, and written in quotes because a YAML number loses digits past 2^53.
   */
  workspaceId: /^\d{1,19}$/,
  /** `credentials_id`: "string <uuid>" in the Account API reference (docs.databricks.com/api/account/credentials). */
  credentialsId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /** The reference types these as plain strings (docs.databricks.com/api/account/storage, /networks): no format assumed. */
  storageConfigurationId: OPAQUE_ID,
  networkId: OPAQUE_ID,
  /**
   * EC2 resource ids: a prefix, a hyphen, then 8 or (since 2016-2018) 17 letters and digits
   * (docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html).
   */
  vpcId: /^vpc-(?:[0-9a-z]{8}|[0-9a-z]{17})$/,
  subnetId: /^subnet-(?:[0-9a-z]{8}|[0-9a-z]{17})$/,
  securityGroupId: /^sg-(?:[0-9a-z]{8}|[0-9a-z]{17})$/,
  /**
   * S3 general purpose bucket naming rules (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html):
   * 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no
   * two dots in a row. The legacy us-east-1 names (capitals, underscores) ended in March 2018, before
   * E2 workspaces existed, so no root bucket of an mws workspace carries one.
   */
  bucketName: /^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  /** IAM RoleName: 1-64 of `[\w+=,.@-]` (docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html). */
  roleName: /^[\w+=,.@-]{1,64}$/,
} as const;

/**
 * Account-level Databricks objects (`databricks_mws_workspaces`, `_credentials`,
 * `_storage_configurations`, `_networks`) import as `<account_id>/<id>` (databricks provider
 * docs/resources/mws_workspaces.md, mws_credentials.md, mws_storage_configurations.md,
 * mws_networks.md, "Import" (v1.99)).
 */
export function accountObjectImportId(databricksAccountId: string, id: string): string {
  return `${databricksAccountId}/${id}`;
}

/**
 * `databricks_metastore_assignment` imports as `<workspace_id>|<metastore_id>`: a pipe, not a slash
 * (databricks provider docs/resources/metastore_assignment.md "Import" (v1.99); the source's
 * `common.NewPairID` joins with "|", common/pair.go).
 */
export function metastoreAssignmentImportId(workspaceId: string, metastoreId: string): string {
  return `${workspaceId}|${metastoreId}`;
}

/**
 * Types never given an import block: the provider docs say they cannot be imported
 * (`databricks_mws_vpc_endpoint`, `databricks_mws_log_delivery`: "Importing this resource is not
 * currently supported", v1.99; the Go source would accept one, the docs win), a secret whose value
 * only exists at creation, and a wait that holds no infrastructure.
 */
export const NOT_IMPORTED_TYPES: readonly string[] = ["databricks_mws_vpc_endpoint", "databricks_mws_log_delivery", "databricks_service_principal_secret", "time_sleep"];

/**
 * Fields of `databricks_mws_workspaces` a running workspace can change in place; every other field
 * replaces the workspace (provider source mws/resource_mws_workspaces.go, workspaceRunningUpdatesAllowed,
 * v1.99). So an adopted workspace keeps its name, region and storage configuration, and may move to new
 * credentials, a new network or new keys.
 */
export const WORKSPACE_UPDATABLE_IN_PLACE: readonly string[] = [
  "credentials_id", "network_id", "storage_customer_managed_key_id", "private_access_settings_id",
  "managed_services_customer_managed_key_id", "custom_tags", "expected_workspace_status",
];

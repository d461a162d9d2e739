/**
 * Unity Catalog facts the data layer relies on: the privileges each securable takes, how isolation
 * and workspace bindings are spelled, and what its object names may hold.
 * test/domain/platform-facts-sdk.test.ts checks the enum-like ones against the Databricks SDK's API model.
 */

/**
 * Privileges `databricks_grants` accepts per securable, in the underscore form it asks for
 * (databricks provider docs/resources/grants.md (v1.99): "Metastore grants"; "Catalog grants", with
 * the privileges a catalog passes down to every current and future schema and table in it; "External
 * location grants", whose `CREATE EXTERNAL VOLUME` the provider normalises to CREATE_EXTERNAL_VOLUME,
 * catalog/permissions/permissions.go). Names docs.databricks.com lists and the provider docs do not yet
 * (BROWSE, EXTERNAL_USE_SCHEMA, …) stay out until the provider documents them.
 */
export const UC_PRIVILEGES = {
  metastore: [
    "CREATE_CATALOG", "CREATE_CLEAN_ROOM", "CREATE_CONNECTION", "CREATE_EXTERNAL_LOCATION", "CREATE_PROVIDER",
    "CREATE_RECIPIENT", "CREATE_SHARE", "CREATE_SERVICE_CREDENTIAL", "CREATE_STORAGE_CREDENTIAL",
    "SET_SHARE_PERMISSION", "USE_MARKETPLACE_ASSETS", "USE_PROVIDER", "USE_RECIPIENT", "USE_SHARE",
  ],
  catalog: [
    "ALL_PRIVILEGES", "APPLY_TAG", "CREATE_CONNECTION", "CREATE_SCHEMA", "MANAGE", "USE_CATALOG",
    "CREATE_FUNCTION", "CREATE_TABLE", "CREATE_VOLUME", "EXECUTE", "MODIFY", "REFRESH", "SELECT",
    "READ_VOLUME", "WRITE_VOLUME", "USE_SCHEMA",
  ],
  externalLocation: [
    "ALL_PRIVILEGES", "CREATE_EXTERNAL_TABLE", "CREATE_MANAGED_STORAGE", "CREATE_EXTERNAL_VOLUME", "MANAGE",
    "READ_FILES", "WRITE_FILES",
  ],
} as const;

export type UcSecurable = keyof typeof UC_PRIVILEGES;

/** Every privilege on the securable, its owner's rights included; what no non-admin gets (DBX-12). */
export const ALL_PRIVILEGES = "ALL_PRIVILEGES";

/**
 * Privileges that write through an external location, which a read-only one cannot honour
 * (external_location.md (v1.99) `read_only`): writing files, and managed storage (managed tables
 * written there). Refusing them on a read-only data bucket is our rule, not the platform's.
 */
export const UC_WRITE_PRIVILEGES: readonly string[] = ["WRITE_FILES", "CREATE_MANAGED_STORAGE"];

/**
 * Isolation is spelled differently per securable: a catalog is `ISOLATED`, a storage credential or
 * external location `ISOLATION_MODE_ISOLATED` (databricks provider docs/resources/workspace_binding.md
 * (v1.99)). Isolated, a securable is reachable only from the workspaces bound to it, and creating it
 * binds the workspace it was created from (catalog.md, external_location.md, storage_credential.md:
 * "will automatically allow access from the current workspace").
 */
export const UC_ISOLATION = { catalog: "ISOLATED", storage: "ISOLATION_MODE_ISOLATED" } as const;

/** `databricks_workspace_binding` values (workspace_binding.md (v1.99)). */
export const UC_BINDING_TYPES = { readWrite: "BINDING_TYPE_READ_WRITE", readOnly: "BINDING_TYPE_READ_ONLY" } as const;
export const UC_BINDING_SECURABLES = { catalog: "catalog", externalLocation: "external_location" } as const;

/**
 * Unity Catalog object names: at most 255 characters, no period, space, slash or control character,
 * stored lowercase; a name with a hyphen needs backticks in SQL, so ours are plain identifiers of
 * lowercase letters, digits and underscores (docs.databricks.com/sql/language-manual/sql-ref-names.html).
 */
export const UC_NAME_PATTERN = /^[a-z][a-z0-9_]{0,254}$/;

/**
 * An S3 bucket Databricks can reach: S3 naming rules without dots ("Databricks does not support S3
 * buckets with dot notation", docs.databricks.com/aws/connect/unity-catalog/cloud-storage/
 * s3/s3-external-location-manual; the provider's own check, aws/constants.go AwsBucketNameRegex).
 */
export const DATABRICKS_S3_BUCKET_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

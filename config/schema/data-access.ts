/**
 * regions.yaml: the data layer. Data-lake buckets per region (`regions[].dataBuckets`), who may do
 * what with data (`dataAccess`), and who may create catalogs and storage in each metastore
 * (`unityCatalog.metastoreGrants`). Privileges are checked against Unity Catalog's list for the
 * securable they are granted on.
 */
import { z } from "./zod";
import { DATA_BUCKET_DEFAULTS } from "../defaults";
import { groupName, servicePrincipalName } from "./identity";
import { DATABRICKS_S3_BUCKET_PATTERN, UC_PRIVILEGES } from "../../domain/platform-facts";

export const dataBucketName = z
  .string()
  .regex(/^[a-z][a-z0-9]{1,19}$/, { error: "expected a data bucket name: 2-20 lowercase letters or digits, starting with a letter" });

const privileges = <T extends readonly [string, ...string[]]>(allowed: T, on: string) =>
  z
    .array(z.enum(allowed))
    .min(1, { error: "expected at least one privilege" })
    .meta({ description: `Unity Catalog privileges on ${on}, in underscore form.` });

/** Who a grant is for; exactly one of the two (checked with the other cross-field rules). */
const principal = {
  group: groupName.optional().meta({ description: "A group defined under groups (or set servicePrincipal)." }),
  servicePrincipal: servicePrincipalName
    .optional()
    .meta({ description: "A service principal defined under servicePrincipals: each workspace's own principal is granted." }),
  environments: z
    .array(z.string())
    .min(1, { error: "expected at least one environment" })
    .optional()
    .meta({ description: "Only in these environments. Default: every environment where the principal has a role (a group whose role is none there gets nothing)." }),
};

export const CatalogGrant = z
  .strictObject({ ...principal, privileges: privileges(UC_PRIVILEGES.catalog, "the workspace's catalog (and every schema and table in it)") })
  .meta({ description: "What one group or service principal may do in each workspace's catalog." });

export const DataBucketGrant = z
  .strictObject({ ...principal, privileges: privileges(UC_PRIVILEGES.externalLocation, "the data bucket's external location") })
  .meta({ description: "What one group or service principal may do with a data bucket's files." });

export const DataAccess = z
  .strictObject({
    catalog: z
      .array(CatalogGrant)
      .default([])
      .meta({ description: "Grants on each workspace's own catalog, authoritative: a grant made by hand is revoked on the next apply." }),
    dataBuckets: z
      .record(dataBucketName, z.array(DataBucketGrant))
      .default({})
      .meta({ description: "Grants on each data bucket's external location, by the name regions[].dataBuckets gives it, in every region that declares it." }),
  })
  .meta({ description: "Who may do what with data (Unity Catalog grants), per environment." });

export const DataBucket = z
  .strictObject({
    name: dataBucketName.meta({ description: "Names its external location and IAM role, and its grants under dataAccess.dataBuckets." }),
    bucket: z
      .string()
      .regex(DATABRICKS_S3_BUCKET_PATTERN, {
        error: "expected an S3 bucket name without dots (Databricks does not support them): 3-63 lowercase letters, digits or -",
      })
      .meta({ description: "An existing S3 bucket in awsAccountId and this region." }),
    prefix: z
      .string()
      .regex(/^([A-Za-z0-9!_.*'()-]+\/)*$/, { error: "expected a path of ASCII segments each ending in /, e.g. events/raw/" })
      .default(DATA_BUCKET_DEFAULTS.prefix)
      .meta({ description: "The path inside the bucket the external location covers; empty: the whole bucket." }),
    access: z
      .enum(["readOnly", "readWrite"])
      .default(DATA_BUCKET_DEFAULTS.access)
      .meta({ description: "readOnly: the storage credential and external location are read-only in Unity Catalog." }),
    environments: z
      .array(z.string())
      .min(1, { error: "expected at least one environment" })
      .meta({ description: "The environments whose workspaces may reach it (bound to its external location)." }),
  })
  .meta({ description: "An existing data-lake bucket (or a prefix of one), reached through one Unity Catalog external location per region." });

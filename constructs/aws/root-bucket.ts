import { Construct } from "constructs";
import { DataDatabricksAwsBucketPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-bucket-policy";
import { MwsStorageConfigurations } from "@cdktf/provider-databricks/lib/mws-storage-configurations";
import { ProtectedBucket } from "./protected-bucket";
import { importExisting } from "../import-block";

/** The names a root bucket takes (domain/naming.ts workspaceResourceNames fits). */
export interface RootBucketNames {
  readonly rootBucket: string;
  readonly storageConfiguration: string;
}

export interface RootBucketProps {
  readonly names: RootBucketNames;
  readonly databricksAccountId: string;
  /**
   * The workspace storage key: the bucket's default encryption uses it, as SRA's root bucket does
   * (aws/tf/root_s3_bucket.tf), so everything in the bucket is under the key we can revoke.
   * @default S3-managed keys
   */
  readonly storageKeyArn?: string;
  /**
   * What exists already (an adopted workspace's): the bucket (imported by its name, `names.rootBucket`)
   * and the storage configuration's import id (`<account_id>/<id>`), which keeps its name.
   * @default a new bucket and storage configuration
   */
  readonly existing?: { readonly bucket: boolean; readonly storageConfiguration?: string };
  /**
   * prevent_destroy on the bucket (ProtectedBucket); lifted only while its region is decommissioned.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * The workspace root (DBFS) bucket and its Databricks storage configuration. Its name is derived
 * and fixed: a new name means a new storage configuration, which means a new workspace.
 */
export class RootBucket extends Construct {
  public readonly bucketName: string;
  public readonly storageConfigurationId: string;

  constructor(scope: Construct, id: string, props: RootBucketProps) {
    super(scope, id);
    const databricksAccess = new DataDatabricksAwsBucketPolicy(this, "databricks-access", {
      bucket: props.names.rootBucket,
      databricksE2AccountId: props.databricksAccountId,
    });
    this.bucketName = new ProtectedBucket(this, "storage", {
      names: { bucket: props.names.rootBucket },
      policyDocuments: [databricksAccess.json],
      kmsKeyArn: props.storageKeyArn,
      existing: props.existing?.bucket,
      preventDestroy: props.preventDestroy,
    }).bucketName;
    const storageConfiguration = new MwsStorageConfigurations(this, "storage-configuration", {
      accountId: props.databricksAccountId,
      storageConfigurationName: props.names.storageConfiguration,
      bucketName: this.bucketName,
    });
    if (props.existing?.storageConfiguration) importExisting(storageConfiguration, props.existing.storageConfiguration, ["storage_configuration_name"]);
    this.storageConfigurationId = storageConfiguration.storageConfigurationId;
  }
}

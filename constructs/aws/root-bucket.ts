import { Construct } from "constructs";
import { DataDatabricksAwsBucketPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-bucket-policy";
import { MwsStorageConfigurations } from "@cdktf/provider-databricks/lib/mws-storage-configurations";
import { ProtectedBucket } from "./protected-bucket";

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
    }).bucketName;
    this.storageConfigurationId = new MwsStorageConfigurations(this, "storage-configuration", {
      accountId: props.databricksAccountId,
      storageConfigurationName: props.names.storageConfiguration,
      bucketName: this.bucketName,
    }).storageConfigurationId;
  }
}

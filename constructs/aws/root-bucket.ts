import { Construct } from "constructs";
import { DataDatabricksAwsBucketPolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-bucket-policy";
import { MwsStorageConfigurations } from "@cdktf/provider-databricks/lib/mws-storage-configurations";
import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { ProtectedBucket } from "./protected-bucket";

export interface RootBucketProps {
  readonly bucketName: string;
  readonly storageConfigurationName: string;
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
  public readonly bucket: S3Bucket;
  public readonly storageConfiguration: MwsStorageConfigurations;

  constructor(scope: Construct, id: string, props: RootBucketProps) {
    super(scope, id);
    const databricksAccess = new DataDatabricksAwsBucketPolicy(this, "databricks-access", {
      bucket: props.bucketName,
      databricksE2AccountId: props.databricksAccountId,
    });
    this.bucket = new ProtectedBucket(this, "storage", {
      bucketName: props.bucketName,
      policyDocuments: [databricksAccess.json],
      kmsKeyArn: props.storageKeyArn,
    }).bucket;
    this.storageConfiguration = new MwsStorageConfigurations(this, "storage-configuration", {
      accountId: props.databricksAccountId,
      storageConfigurationName: props.storageConfigurationName,
      bucketName: this.bucket.bucket,
    });
  }
}

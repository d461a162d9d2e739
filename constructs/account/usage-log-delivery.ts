import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataDatabricksAwsAssumeRolePolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-assume-role-policy";
import { MwsLogDelivery } from "@cdktf/provider-databricks/lib/mws-log-delivery";
import { MwsStorageConfigurations } from "@cdktf/provider-databricks/lib/mws-storage-configurations";
import type { AccountResourceNames } from "../../domain/naming";
import { LOG_DELIVERIES } from "../../domain/platform-facts";
import { DatabricksRoleCredentials } from "../aws/databricks-role-credentials";
import { ProtectedBucket } from "../aws/protected-bucket";

export interface UsageLogDeliveryProps {
  readonly names: AccountResourceNames;
  readonly databricksAccountId: string;
}

/**
 * Account-level billable-usage (CSV) and audit (JSON) logs, delivered into a protected bucket under
 * their own prefixes, for spend reports sliced by the cost tags. A delivery configuration cannot be
 * deleted, only disabled (and an account may have two enabled), so both are prevent_destroy.
 */
export class UsageLogDelivery extends Construct {
  public readonly bucketName: string;

  constructor(scope: Construct, id: string, props: UsageLogDeliveryProps) {
    super(scope, id);
    const { names } = props;
    const bucket = new ProtectedBucket(this, "bucket", { bucketName: names.usageLogBucket }).bucket;
    this.bucketName = names.usageLogBucket;

    const trust = new DataDatabricksAwsAssumeRolePolicy(this, "trust", {
      externalId: props.databricksAccountId,
      forLogDelivery: true,
    });
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: [
        { actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: [bucket.arn] },
        {
          actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:PutObjectAcl", "s3:AbortMultipartUpload"],
          resources: [`${bucket.arn}/*`],
        },
      ],
    });
    const { credentials } = new DatabricksRoleCredentials(this, "registered", {
      roleName: names.logDeliveryRole,
      description: "Databricks log delivery: writes usage and audit logs into the usage-log bucket",
      credentialsName: names.logDeliveryCredentials,
      trustPolicy: trust.json,
      permissionsPolicy: permissions.json,
    });
    const storage = new MwsStorageConfigurations(this, "storage", {
      accountId: props.databricksAccountId,
      storageConfigurationName: names.logDeliveryStorage,
      bucketName: bucket.bucket,
    });
    for (const delivery of LOG_DELIVERIES) {
      new MwsLogDelivery(this, delivery.kind, {
        accountId: props.databricksAccountId,
        configName: names.logDelivery(delivery.kind),
        credentialsId: credentials.credentialsId,
        storageConfigurationId: storage.storageConfigurationId,
        logType: delivery.logType,
        outputFormat: delivery.outputFormat,
        deliveryPathPrefix: delivery.kind,
        status: "ENABLED",
        lifecycle: { preventDestroy: true },
      });
    }
  }
}

import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataDatabricksAwsAssumeRolePolicy } from "@cdktf/provider-databricks/lib/data-databricks-aws-assume-role-policy";
import { MwsLogDelivery } from "@cdktf/provider-databricks/lib/mws-log-delivery";
import { MwsStorageConfigurations } from "@cdktf/provider-databricks/lib/mws-storage-configurations";
import { LOG_DELIVERIES } from "../../domain/platform-facts";
import { DatabricksRoleCredentials } from "../aws/databricks-role-credentials";
import { ProtectedBucket } from "../aws/protected-bucket";

/** The names usage-log delivery gives (domain/naming.ts accountResourceNames fits). */
export interface UsageLogDeliveryNames {
  readonly usageLogBucket: string;
  readonly logDeliveryRole: string;
  readonly logDeliveryCredentials: string;
  readonly logDeliveryStorage: string;
  /** A delivery configuration per log kind, e.g. `audit-logs`. */
  readonly logDelivery: (kind: string) => string;
}

export interface UsageLogDeliveryProps {
  readonly names: UsageLogDeliveryNames;
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
    const bucket = new ProtectedBucket(this, "bucket", { names: { bucket: names.usageLogBucket } });
    this.bucketName = names.usageLogBucket;

    const trust = new DataDatabricksAwsAssumeRolePolicy(this, "trust", {
      externalId: props.databricksAccountId,
      forLogDelivery: true,
    });
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: [
        { actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: [bucket.bucketArn] },
        {
          actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:PutObjectAcl", "s3:AbortMultipartUpload"],
          resources: [`${bucket.bucketArn}/*`],
        },
      ],
    });
    const { credentialsId } = new DatabricksRoleCredentials(this, "registered", {
      names: { role: names.logDeliveryRole, credentials: names.logDeliveryCredentials },
      description: "Databricks log delivery: writes usage and audit logs into the usage-log bucket",
      trustPolicy: trust.json,
      permissionsPolicy: permissions.json,
    });
    const storage = new MwsStorageConfigurations(this, "storage", {
      accountId: props.databricksAccountId,
      storageConfigurationName: names.logDeliveryStorage,
      bucketName: bucket.bucketName,
    });
    for (const delivery of LOG_DELIVERIES) {
      new MwsLogDelivery(this, delivery.kind, {
        accountId: props.databricksAccountId,
        configName: names.logDelivery(delivery.kind),
        credentialsId,
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

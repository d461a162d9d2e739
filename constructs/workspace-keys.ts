import { Construct } from "constructs";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { MwsCustomerManagedKeys } from "@cdktf/provider-databricks/lib/mws-customer-managed-keys";
import { CMK_KEY_POLICY, DATABRICKS_CONTROL_PLANE_ACCOUNT } from "../lib/platform-facts";
import type { WorkspaceResourceNames } from "../lib/naming";

export interface WorkspaceKeysProps {
  readonly names: WorkspaceResourceNames;
  readonly databricksAccountId: string;
  readonly awsAccountId: string;
  readonly awsRegion: string;
  /** The cross-account role: cluster EBS volumes are encrypted with the storage key through EC2. */
  readonly crossAccountRoleArn: string;
}

/**
 * Customer-managed KMS keys for one workspace: one for managed services (notebooks, secrets, query
 * history in the control plane) and one for workspace storage (root bucket and cluster EBS), each
 * rotated yearly and registered with Databricks. Key policies follow the Databricks CMK docs.
 */
export class WorkspaceKeys extends Construct {
  public readonly managedServicesKeyId: string;
  public readonly storageKeyId: string;

  constructor(scope: Construct, id: string, props: WorkspaceKeysProps) {
    super(scope, id);
    const controlPlane: DataAwsIamPolicyDocumentStatement = {
      sid: "DatabricksControlPlane",
      principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${DATABRICKS_CONTROL_PLANE_ACCOUNT}:root`] }],
      resources: ["*"],
      condition: [{ test: "StringEquals", variable: "aws:PrincipalTag/DatabricksAccountId", values: [props.databricksAccountId] }],
    };
    this.managedServicesKeyId = this.key("managed-services", props, ["MANAGED_SERVICES"], [
      { ...controlPlane, actions: [...CMK_KEY_POLICY.managedServices] },
    ]);
    this.storageKeyId = this.key("storage", props, ["STORAGE"], [
      { ...controlPlane, actions: [...CMK_KEY_POLICY.storage] },
      {
        sid: "ClusterVolumesThroughEc2",
        principals: [{ type: "AWS", identifiers: [props.crossAccountRoleArn] }],
        actions: [...CMK_KEY_POLICY.storageEbsVolumes],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`ec2.${props.awsRegion}.amazonaws.com`] }],
      },
    ]);
  }

  private key(use: string, props: WorkspaceKeysProps, useCases: string[], grants: DataAwsIamPolicyDocumentStatement[]): string {
    const policy = new DataAwsIamPolicyDocument(this, `${use}-policy`, {
      statement: [
        {
          sid: "AccountAdministers",
          principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${props.awsAccountId}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        ...grants,
      ],
    });
    const key = new KmsKey(this, use, {
      description: `${props.names.workspace} ${use} (Databricks customer-managed key)`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
    });
    const alias = new KmsAlias(this, `${use}-alias`, { name: props.names.keyAlias(use), targetKeyId: key.keyId });
    return new MwsCustomerManagedKeys(this, `${use}-registration`, {
      accountId: props.databricksAccountId,
      useCases,
      awsKeyInfo: { keyArn: key.arn, keyAlias: alias.name },
    }).customerManagedKeyId;
  }
}

import { Construct } from "constructs";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { MwsCustomerManagedKeys } from "@cdktf/provider-databricks/lib/mws-customer-managed-keys";
import { CMK_KEY_POLICY, DATABRICKS_CONTROL_PLANE_ACCOUNT } from "../../domain/platform-facts";

/** The names workspace keys take (domain/naming.ts workspaceResourceNames fits). */
export interface WorkspaceKeysNames {
  /** Named in each key's description. */
  readonly workspace: string;
  /** KMS alias per use: `managed-services` or `storage`. */
  readonly keyAlias: (use: string) => string;
}

export interface WorkspaceKeysProps {
  readonly names: WorkspaceKeysNames;
  readonly databricksAccountId: string;
  readonly awsAccountId: string;
  readonly awsRegion: string;
  /** The cross-account role: cluster EBS volumes are encrypted with the storage key through EC2. */
  readonly crossAccountRoleArn: string;
}

/**
 * Customer-managed KMS keys for one workspace: one for managed services (notebooks, secrets, query
 * history in the control plane) and one for workspace storage (root bucket and cluster EBS), each
 * rotated yearly and registered with Databricks. Key policies follow the provider's
 * mws_customer_managed_keys docs (v1.99), with SRA's condition that only our Databricks account may
 * use them (domain/platform-facts/databricks-account.ts, CMK_KEY_POLICY).
 */
export class WorkspaceKeys extends Construct {
  /** Databricks key configuration ids, for the workspace. */
  public readonly managedServicesKeyId: string;
  public readonly storageKeyId: string;
  /** The storage key itself: the root bucket's default encryption uses it too. */
  public readonly storageKeyArn: string;

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
    ]).configurationId;
    const storage = this.key("storage", props, ["STORAGE"], [
      { ...controlPlane, actions: [...CMK_KEY_POLICY.storage] },
      {
        // Without it Databricks cannot hand the key to the AWS services that encrypt workspace storage.
        sid: "DatabricksControlPlaneGrants",
        principals: controlPlane.principals,
        actions: [...CMK_KEY_POLICY.storageGrants],
        resources: ["*"],
        condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
      },
      {
        sid: "ClusterVolumesThroughEc2",
        principals: [{ type: "AWS", identifiers: [props.crossAccountRoleArn] }],
        actions: [...CMK_KEY_POLICY.storageEbsVolumes],
        resources: ["*"],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`ec2.${props.awsRegion}.amazonaws.com`] }],
      },
    ]);
    this.storageKeyId = storage.configurationId;
    this.storageKeyArn = storage.keyArn;
  }

  private key(
    use: string,
    props: WorkspaceKeysProps,
    useCases: string[],
    grants: DataAwsIamPolicyDocumentStatement[],
  ): { configurationId: string; keyArn: string } {
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
    const configurationId = new MwsCustomerManagedKeys(this, `${use}-registration`, {
      accountId: props.databricksAccountId,
      useCases,
      awsKeyInfo: { keyArn: key.arn, keyAlias: alias.name },
    }).customerManagedKeyId;
    return { configurationId, keyArn: key.arn };
  }
}

import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";

export interface StateKeyNames {
  readonly stateKeyAlias: string;
}

export interface StateKeyProps {
  readonly names: StateKeyNames;
  readonly awsAccountId: string;
}

/**
 * The KMS key Terraform state is encrypted with (SSE-KMS on the state bucket, and `kms_key_id` on
 * every stack's S3 backend: without it Terraform writes state with SSE-S3, whatever the bucket's
 * default). Rotated yearly; the key policy leaves access to IAM policies of the account (the CI roles
 * say who may decrypt), as AWS's default key policy does.
 */
export class StateKey extends Construct {
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: StateKeyProps) {
    super(scope, id);
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        {
          sid: "AccountAdministers",
          principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${props.awsAccountId}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
      ],
    });
    const key = new KmsKey(this, "key", {
      description: "Terraform state of every stack (bucket default encryption and S3 backend kms_key_id)",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
      // Without the key no state can be read again: terraform must refuse to destroy it.
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "alias", { name: props.names.stateKeyAlias, targetKeyId: key.keyId });
    this.keyArn = key.arn;
  }
}

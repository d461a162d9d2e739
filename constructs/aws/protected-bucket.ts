import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { importExisting } from "../import-block";

export interface ProtectedBucketProps {
  readonly names: { readonly bucket: string };
  /** Policy documents (JSON) merged with the TLS-only deny, e.g. the Databricks bucket policy. */
  readonly policyDocuments?: string[];
  /**
   * A KMS key for default encryption (SSE-KMS), e.g. the workspace storage key.
   * @default S3-managed keys (SSE-S3, AES256)
   */
  readonly kmsKeyArn?: string;
  /**
   * The bucket exists (an adopted workspace's root bucket): it and its bucket-level settings are
   * imported by its name, and kept from destruction.
   * @default a new bucket
   */
  readonly existing?: boolean;
  /**
   * prevent_destroy on the bucket. Only a region being decommissioned lifts it (docs/lifecycle.md);
   * force_destroy stays false even then, so a bucket that still holds objects is not deleted.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A bucket that holds data we cannot lose: fixed name, never destroyed by terraform, private,
 * encrypted, versioned, owner-enforced, TLS only. The Databricks root bucket and the usage-log
 * bucket are both this shape.
 */
export class ProtectedBucket extends Construct {
  /** The bucket's name, as a reference: whatever uses it is created after the bucket. */
  public readonly bucketName: string;
  public readonly bucketArn: string;

  constructor(scope: Construct, id: string, props: ProtectedBucketProps) {
    super(scope, id);
    // The root bucket cannot change after a workspace is created: a destroy would orphan the
    // workspace's DBFS and a rename replaces the workspace. Terraform must refuse both.
    const bucket = new S3Bucket(this, "bucket", {
      bucket: props.names.bucket,
      forceDestroy: false,
      tags: { Name: props.names.bucket },
      lifecycle: props.preventDestroy === false ? undefined : { preventDestroy: true },
    });
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    const bucketId = bucket.id;
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access", {
      bucket: bucketId,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const ownership = new S3BucketOwnershipControls(this, "ownership", {
      bucket: bucketId,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: bucketId,
      versioningConfiguration: { status: "Enabled" },
    });
    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucketId,
      rule: [
        {
          applyServerSideEncryptionByDefault: props.kmsKeyArn
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }
            : { sseAlgorithm: "AES256" },
          // With SSE-KMS, one data key per bucket instead of a KMS call per object.
          bucketKeyEnabled: true,
        },
      ],
    });
    const policy = new DataAwsIamPolicyDocument(this, "policy-document", {
      sourcePolicyDocuments: props.policyDocuments,
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          actions: ["s3:*"],
          principals: [{ type: "*", identifiers: ["*"] }],
          resources: [bucket.arn, `${bucket.arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    const bucketPolicy = new S3BucketPolicy(this, "policy", {
      bucket: bucketId,
      policy: policy.json,
      // A policy written before the public-access block can be rejected as public.
      dependsOn: [publicAccess],
    });
    // Each bucket-level setting is a resource of its own that writes the whole setting (a PUT): left
    // out of the import, its creation would overwrite the bucket's setting unseen. All import by
    // the bucket's name (terraform-provider-aws docs, each resource's "Import").
    if (props.existing) {
      for (const resource of [bucket, publicAccess, ownership, versioning, encryption, bucketPolicy]) importExisting(resource, props.names.bucket);
    }
  }
}

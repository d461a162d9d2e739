import { describe, expect, test } from "vitest";
import { RootBucket } from "../../../constructs/aws/root-bucket";
import { addressOf, dataAddressOf, dataSourcesOf, ref, resourcesOf, synthConstruct } from "../../utils";

const ACCOUNT = "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d";

describe("RootBucket: a fixed, protected root bucket registered as storage configuration", () => {
  const stack = synthConstruct((scope) => {
    new RootBucket(scope, "root", {
      names: { rootBucket: "acme-data-use1-prod-root", storageConfiguration: "acme-data-use1-prod-storage" },
      databricksAccountId: ACCOUNT,
    });
  });
  const bucket = addressOf(stack, "aws_s3_bucket");

  test("the bucket has the derived name, is never force-destroyed and refuses deletion", () => {
    expect(resourcesOf(stack, "aws_s3_bucket")).toEqual([
      expect.objectContaining({
        bucket: "acme-data-use1-prod-root",
        force_destroy: false,
        lifecycle: { prevent_destroy: true },
      }),
    ]);
  });

  test("all four public-access blocks, owner-enforced ownership, versioning and encryption", () => {
    expect(resourcesOf(stack, "aws_s3_bucket_public_access_block")).toEqual([
      expect.objectContaining({
        bucket: ref(bucket, "id"),
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ]);
    expect(resourcesOf(stack, "aws_s3_bucket_ownership_controls")[0]).toMatchObject({ rule: { object_ownership: "BucketOwnerEnforced" } });
    expect(resourcesOf(stack, "aws_s3_bucket_versioning")[0]).toMatchObject({ versioning_configuration: { status: "Enabled" } });
    expect(resourcesOf(stack, "aws_s3_bucket_server_side_encryption_configuration")[0]).toMatchObject({
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
    });
  });

  test("the policy is the Databricks bucket policy plus a deny of non-TLS requests", () => {
    expect(dataSourcesOf(stack, "databricks_aws_bucket_policy")).toEqual([
      expect.objectContaining({ bucket: "acme-data-use1-prod-root", databricks_e2_account_id: ACCOUNT }),
    ]);
    const [document] = dataSourcesOf(stack, "aws_iam_policy_document");
    expect(document.source_policy_documents).toEqual([ref(dataAddressOf(stack, "databricks_aws_bucket_policy"), "json")]);
    expect(document.statement).toEqual([
      expect.objectContaining({
        effect: "Deny",
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      }),
    ]);
    expect(resourcesOf(stack, "aws_s3_bucket_policy")[0]).toMatchObject({
      policy: ref(dataAddressOf(stack, "aws_iam_policy_document"), "json"),
      depends_on: [addressOf(stack, "aws_s3_bucket_public_access_block")],
    });
  });

  test("the storage configuration names the bucket by reference, so a rename propagates", () => {
    expect(resourcesOf(stack, "databricks_mws_storage_configurations")).toEqual([
      { account_id: ACCOUNT, storage_configuration_name: "acme-data-use1-prod-storage", bucket_name: ref(bucket, "bucket") },
    ]);
  });
});

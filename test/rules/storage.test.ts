import { describe, expect, test } from "vitest";
import { ProtectedBucket } from "../../constructs/aws/protected-bucket";
import { addressOf, synthConstruct, type StackJson } from "../utils";
import { expectCase, NAMES, resources, verdict, type RuleCase } from "./helpers";

const BUCKET = "aws_s3_bucket.b";
const ref = "${aws_s3_bucket.b.id}";
const bucketWith = (extra: Record<string, Record<string, unknown>>, bucket: Record<string, unknown> = {}) =>
  resources({ aws_s3_bucket: { b: { bucket: NAMES.rootBucket, ...bucket } }, ...extra });
const ALL_BLOCKED = { bucket: ref, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
const TLS_DENY = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } },
  ],
};

const CASES: RuleCase[] = [
  { name: "all four public-access blocks", rule: "BKT-1", json: bucketWith({ aws_s3_bucket_public_access_block: { p: ALL_BLOCKED } }), address: BUCKET, status: "compliant" },
  { name: "public policies still allowed", rule: "BKT-1", json: bucketWith({ aws_s3_bucket_public_access_block: { p: { ...ALL_BLOCKED, block_public_policy: false } } }), address: BUCKET, status: "non-compliant", detail: "block_public_policy is not true" },
  { name: "no public-access block", rule: "BKT-1", json: bucketWith({}), address: BUCKET, status: "non-compliant", detail: "no aws_s3_bucket_public_access_block" },
  { name: "SSE-KMS by default, bucket named literally", rule: "BKT-2", json: bucketWith({ aws_s3_bucket_server_side_encryption_configuration: { e: { bucket: NAMES.rootBucket, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" } }] } } }), address: BUCKET, status: "compliant" },
  { name: "no encryption configuration", rule: "BKT-2", json: bucketWith({ aws_s3_bucket_server_side_encryption_configuration: { e: { bucket: "${aws_s3_bucket.other.id}", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] } } }), address: BUCKET, status: "non-compliant", detail: "no aws_s3_bucket_server_side_encryption_configuration" },
  { name: "versioning Enabled", rule: "BKT-3", json: bucketWith({ aws_s3_bucket_versioning: { v: { bucket: ref, versioning_configuration: { status: "Enabled" } } } }), address: BUCKET, status: "compliant" },
  { name: "versioning Suspended", rule: "BKT-3", json: bucketWith({ aws_s3_bucket_versioning: { v: { bucket: ref, versioning_configuration: { status: "Suspended" } } } }), address: BUCKET, status: "non-compliant", detail: "status Enabled" },
  { name: "literal TLS-only policy", rule: "BKT-4", json: bucketWith({ aws_s3_bucket_policy: { p: { bucket: ref, policy: JSON.stringify(TLS_DENY) } } }), address: BUCKET, status: "compliant" },
  { name: "policy without the TLS deny", rule: "BKT-4", json: bucketWith({ aws_s3_bucket_policy: { p: { bucket: ref, policy: JSON.stringify({ Statement: [{ ...TLS_DENY.Statement[0], Condition: {} }] }) } } }), address: BUCKET, status: "non-compliant", detail: "no Deny of s3:*" },
  { name: "no bucket policy", rule: "BKT-4", json: bucketWith({}), address: BUCKET, status: "non-compliant", detail: "no aws_s3_bucket_policy" },
  { name: "prevent_destroy", rule: "BKT-5", json: bucketWith({}, { lifecycle: { prevent_destroy: true }, force_destroy: false }), address: BUCKET, status: "compliant" },
  { name: "destroyable and force-destroyed", rule: "BKT-5", json: bucketWith({}, { force_destroy: true }), address: BUCKET, status: "non-compliant", detail: "force_destroy is true" },
  { name: "BucketOwnerEnforced", rule: "BKT-6", json: bucketWith({ aws_s3_bucket_ownership_controls: { o: { bucket: ref, rule: { object_ownership: "BucketOwnerEnforced" } } } }), address: BUCKET, status: "compliant" },
  { name: "ObjectWriter keeps ACLs on", rule: "BKT-6", json: bucketWith({ aws_s3_bucket_ownership_controls: { o: { bucket: ref, rule: { object_ownership: "ObjectWriter" } } } }), address: BUCKET, status: "non-compliant", detail: "BucketOwnerEnforced" },
];

/** A catalog bucket as ProtectedBucket builds it, under the external location whose data it stores. */
function protectedBucketUnderLocation(): StackJson {
  const stack = synthConstruct((scope) => void new ProtectedBucket(scope, "catalog", { names: { bucket: NAMES.catalogBucket } }));
  const url = `s3://\${${addressOf(stack, "aws_s3_bucket")}.bucket}/`;
  return { ...stack, resource: { ...stack.resource, databricks_external_location: { l: { name: "l", url, credential_name: "c" } } } };
}
const locationOver = (url: string) => ({ databricks_external_location: { l: { name: "l", url, credential_name: "c" } } });
const DATA_CASES: RuleCase[] = [
  {
    name: "a ProtectedBucket under an external location",
    rule: "BKT-7",
    json: protectedBucketUnderLocation(),
    address: "",
    status: "compliant",
  },
  {
    name: "a catalog storage root in a bare bucket, named literally",
    rule: "BKT-7",
    json: bucketWith({ databricks_catalog: { c: { name: "c", storage_root: `s3://${NAMES.rootBucket}/` } } }, { lifecycle: { prevent_destroy: true } }),
    address: BUCKET,
    status: "non-compliant",
    detail: "versioning: no aws_s3_bucket_versioning with status Enabled (it stores data of databricks_catalog.c)",
  },
  {
    name: "a destroyable bucket behind an external location",
    rule: "BKT-7",
    json: bucketWith(locationOver("s3://${aws_s3_bucket.b.bucket}/"), { force_destroy: true }),
    address: BUCKET,
    status: "non-compliant",
    detail: "prevent_destroy: force_destroy is true",
  },
  { name: "a bucket no Unity Catalog object uses", rule: "BKT-7", json: bucketWith({}), address: BUCKET, status: "not-applicable" },
];

describe("BKT-7: a bucket that stores Unity Catalog data has every protection, whatever BKT-1..6 suppress", () => {
  test.each(DATA_CASES)("$name → $status", (c) => {
    const json = c.json as { resource: Record<string, Record<string, unknown>> };
    expectCase({ ...c, address: c.address || `aws_s3_bucket.${Object.keys(json.resource.aws_s3_bucket)[0]}` });
  });
});

describe("bucket rules: private, encrypted, versioned, TLS only, never destroyed, owner-enforced", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));

  test("ProtectedBucket as synthesized passes every bucket rule (the TLS deny through its policy document)", () => {
    const stack = synthConstruct((scope) => void new ProtectedBucket(scope, "bucket", { names: { bucket: NAMES.rootBucket } }));
    const bucket = addressOf(stack, "aws_s3_bucket");
    const ids = ["BKT-1", "BKT-2", "BKT-3", "BKT-4", "BKT-5", "BKT-6", "NAME-2"];
    expect(ids.map((id) => [id, verdict(id, stack, bucket).status])).toEqual(ids.map((id) => [id, "compliant"]));
  });
});

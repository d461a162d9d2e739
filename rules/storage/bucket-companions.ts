/**
 * Since AWS provider v4 a bucket's settings are separate resources (`aws_s3_bucket_versioning`, …)
 * that name the bucket by reference or by its literal name. This finds the ones for one bucket.
 */
import type { Block } from "../../tfjson/block";
import type { StackView } from "../core/stack-view";
import { refersTo } from "../../tfjson/references";

export function bucketCompanions(bucket: Block, stack: StackView, type: string): Block[] {
  const name = bucket.body.bucket;
  return stack
    .ofType(type)
    .filter((companion) => refersTo(companion.body.bucket, bucket.address) || (typeof name === "string" && companion.body.bucket === name));
}

export const isBucket = (block: Block) => block.kind === "resource" && block.type === "aws_s3_bucket";

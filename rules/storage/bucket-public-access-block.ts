import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { bucketCompanions, isBucket } from "./bucket-companions";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] as const;

/** All four public-access blocks are on, so no ACL or policy can ever make the bucket public. */
export const bucketPublicAccessBlocked: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const blocks = bucketCompanions(block, stack, "aws_s3_bucket_public_access_block");
  if (blocks.length === 0) return fromProblems(["no aws_s3_bucket_public_access_block"]);
  return fromProblems(FLAGS.filter((flag) => !blocks.some((access) => access.body[flag] === true)).map((flag) => `${flag} is not true`));
};

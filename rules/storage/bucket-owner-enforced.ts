import { asList } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { bucketCompanions, isBucket } from "./bucket-companions";

/** Object ownership is BucketOwnerEnforced: ACLs are off, and the bucket owner owns every object. */
export const bucketOwnerEnforced: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const enforced = bucketCompanions(block, stack, "aws_s3_bucket_ownership_controls").some((controls) =>
    asList(controls.body.rule).some((rule) => rule.object_ownership === "BucketOwnerEnforced"),
  );
  return fromProblems(enforced ? [] : ["no aws_s3_bucket_ownership_controls with object_ownership BucketOwnerEnforced"]);
};

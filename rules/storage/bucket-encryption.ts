import { asList } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { bucketCompanions, isBucket } from "./bucket-companions";

/** Default encryption is set explicitly (SSE-S3 or SSE-KMS), so the choice is reviewed, not implied. */
export const bucketEncrypted: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const encrypted = bucketCompanions(block, stack, "aws_s3_bucket_server_side_encryption_configuration").some((config) =>
    asList(config.body.rule).some((rule) =>
      asList(rule.apply_server_side_encryption_by_default).some((byDefault) => typeof byDefault.sse_algorithm === "string"),
    ),
  );
  return fromProblems(encrypted ? [] : ["no aws_s3_bucket_server_side_encryption_configuration with a default sse_algorithm"]);
};

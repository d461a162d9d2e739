import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** Every KMS key rotates its key material yearly (enable_key_rotation). */
export const kmsKeyRotates: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "aws_kms_key") return NOT_APPLICABLE;
  return fromProblems(block.body.enable_key_rotation === true ? [] : ["enable_key_rotation is not true"]);
};

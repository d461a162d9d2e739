import { asList } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { bucketCompanions, isBucket } from "./bucket-companions";

/** Versioning is Enabled, so an overwrite or delete of an object can be undone. */
export const bucketVersioned: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const enabled = bucketCompanions(block, stack, "aws_s3_bucket_versioning").some((versioning) =>
    asList(versioning.body.versioning_configuration).some((config) => config.status === "Enabled"),
  );
  return fromProblems(enabled ? [] : ["no aws_s3_bucket_versioning with status Enabled"]);
};

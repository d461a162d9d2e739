import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** Bucket names are derived from the workspace name, so every bucket says whose it is. */
export const bucketNameIsDerived: BlockRule = (block, stack) => {
  if (block.type !== "aws_s3_bucket" || block.kind !== "resource") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace?.names.workspace;
  const name = block.body.bucket;
  if (typeof name !== "string") return fromProblems([`has no fixed bucket name (bucket_prefix or a generated name cannot be checked)`]);
  if (!workspace) return NOT_APPLICABLE;
  // An adopted workspace's root bucket keeps its name (regions.yaml `adopt.rootBucket`).
  if (name === stack.expected.workspace?.kept?.rootBucket) return fromProblems([]);
  return fromProblems(name.startsWith(`${workspace}-`) ? [] : [`bucket "${name}" does not start with "${workspace}-"`]);
};

import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { isBucket } from "./bucket-companions";

/**
 * Buckets hold data (the root bucket holds DBFS): Terraform must refuse to destroy one, and must not
 * empty one on destroy. A scratch bucket that may go is a suppression with its reason. A region being
 * decommissioned lifts prevent_destroy on purpose (LIFE-1); its buckets are still never emptied.
 */
export const bucketPreventsDestroy: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const problems: string[] = [];
  if (!block.preventDestroy && !stack.expected.workspace?.decommissioning) problems.push("lifecycle.prevent_destroy is not true");
  if (block.body.force_destroy === true) problems.push("force_destroy is true");
  return fromProblems(problems);
};

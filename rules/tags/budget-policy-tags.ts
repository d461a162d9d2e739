import { asList } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { tagProblems } from "./expected-tags";

/** Budget policies (databricks_budget_policy) carry the cost tags as `custom_tags` key/value pairs. */
export const budgetPolicyTags: BlockRule = (block, stack) => {
  if (block.type !== "databricks_budget_policy" || block.kind !== "resource") return NOT_APPLICABLE;
  const tags = Object.fromEntries(asList(block.body.custom_tags).map((pair) => [String(pair.key), pair.value]));
  return fromProblems(tagProblems(tags, stack).map((problem) => `custom_tags: ${problem}`));
};

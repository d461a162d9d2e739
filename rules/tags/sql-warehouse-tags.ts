import { asList } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { tagProblems } from "./expected-tags";

/** SQL warehouses (databricks_sql_endpoint) carry the cost tags in `tags.custom_tags` key/value pairs. */
export const sqlWarehouseTags: BlockRule = (block, stack) => {
  if (block.type !== "databricks_sql_endpoint" || block.kind !== "resource") return NOT_APPLICABLE;
  const pairs = asList(block.body.tags).flatMap((tags) => asList(tags.custom_tags));
  const tags = Object.fromEntries(pairs.map((pair) => [String(pair.key), pair.value]));
  return fromProblems(tagProblems(tags, stack).map((problem) => `tags.custom_tags: ${problem}`));
};

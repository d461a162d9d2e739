import { isObject } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { tagProblems } from "./expected-tags";

/** Workspace custom_tags reach the workspace's own AWS resources, which provider default_tags do not. */
export const workspaceCustomTags: BlockRule = (block, stack) => {
  if (block.type !== "databricks_mws_workspaces" || block.kind !== "resource") return NOT_APPLICABLE;
  const tags = isObject(block.body.custom_tags) ? block.body.custom_tags : {};
  return fromProblems(tagProblems(tags, stack).map((problem) => `custom_tags: ${problem}`));
};

import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A workspace of a protected environment (`environments.<env>.protected: true`) has
 * lifecycle.prevent_destroy, so a rename or a bad plan cannot delete it (every name field forces a
 * new workspace).
 */
export const protectedWorkspacePreventsDestroy: BlockRule = (block, stack) => {
  if (block.kind !== "resource" || block.type !== "databricks_mws_workspaces") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace;
  if (!workspace?.protected) return NOT_APPLICABLE;
  return fromProblems(block.preventDestroy ? [] : [`${workspace.environment} is protected but lifecycle.prevent_destroy is not true`]);
};

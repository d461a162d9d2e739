import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A workspace of a protected environment (`environments.<env>.protected: true`), or an adopted one,
 * has lifecycle.prevent_destroy, so a rename, a bad plan or a wrong `adopt` cannot delete it (every
 * name field forces a new workspace). Not while its region is decommissioned (LIFE-1 says so).
 */
export const protectedWorkspacePreventsDestroy: BlockRule = (block, stack) => {
  if (block.kind !== "resource" || block.type !== "databricks_mws_workspaces") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace;
  if (!workspace?.protected) return NOT_APPLICABLE;
  const why = workspace.kept ? "adopted" : `${workspace.environment} is protected`;
  return fromProblems(block.preventDestroy ? [] : [`${why} but lifecycle.prevent_destroy is not true`]);
};

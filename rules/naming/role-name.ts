import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * IAM role names are derived from the workspace name; a generated name hides whose role it is. A
 * region's data-bucket roles serve all its workspaces and carry the region's name instead
 * (`<company>-<domain>-<code>-lake-<bucket>`), in the config stacks of that region.
 */
export const roleNameIsDerived: BlockRule = (block, stack) => {
  if (block.type !== "aws_iam_role" || block.kind !== "resource") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace;
  const name = block.body.name;
  if (typeof name !== "string") return fromProblems([`has no fixed role name (name_prefix or a generated name cannot be checked)`]);
  if (!workspace) return NOT_APPLICABLE;
  // An adopted workspace's cross-account role keeps its name (regions.yaml `adopt.crossAccountRoleName`).
  if (name === workspace.kept?.crossAccountRole) return fromProblems([]);
  const prefixes = [`${workspace.names.workspace}-`, ...(workspace.regionNames ? [workspace.regionNames.dataBucketRolePrefix] : [])];
  return fromProblems(prefixes.some((prefix) => name.startsWith(prefix)) ? [] : [`role "${name}" does not start with ${prefixes.map((p) => `"${p}"`).join(" or ")}`]);
};

import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** IAM role names are derived from the workspace name; a generated name hides whose role it is. */
export const roleNameIsDerived: BlockRule = (block, stack) => {
  if (block.type !== "aws_iam_role" || block.kind !== "resource") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace?.names.workspace;
  const name = block.body.name;
  if (typeof name !== "string") return fromProblems([`has no fixed role name (name_prefix or a generated name cannot be checked)`]);
  if (!workspace) return NOT_APPLICABLE;
  // An adopted workspace's cross-account role keeps its name (regions.yaml `adopt.crossAccountRoleName`).
  if (name === stack.expected.workspace?.kept?.crossAccountRole) return fromProblems([]);
  return fromProblems(name.startsWith(`${workspace}-`) ? [] : [`role "${name}" does not start with "${workspace}-"`]);
};

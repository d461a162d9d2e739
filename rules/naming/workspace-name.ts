import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** A workspace and its URL (deployment name) carry the derived `<company>-<domain>-<code>-<env>` name. */
export const workspaceNameIsDerived: BlockRule = (block, stack) => {
  if (block.type !== "databricks_mws_workspaces" || block.kind !== "resource") return NOT_APPLICABLE;
  const names = stack.expected.workspace?.names;
  if (!names) return NOT_APPLICABLE;
  const problems: string[] = [];
  for (const [attribute, expected] of [
    ["workspace_name", names.workspace],
    ["deployment_name", names.deployment],
  ] as const) {
    const actual = block.body[attribute];
    if (actual !== expected) problems.push(`${attribute} is ${JSON.stringify(actual ?? null)}, expected "${expected}"`);
  }
  return fromProblems(problems);
};

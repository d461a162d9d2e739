import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A workspace carries the derived `<company>-<domain>-<code>-<env>` name, and its deployment name is
 * that name under the account's deployment-name prefix (none without a prefix: Databricks rejects it).
 */
export const workspaceNameIsDerived: BlockRule = (block, stack) => {
  if (block.type !== "databricks_mws_workspaces" || block.kind !== "resource") return NOT_APPLICABLE;
  const workspace = stack.expected.workspace;
  if (!workspace) return NOT_APPLICABLE;
  const problems: string[] = [];
  for (const [attribute, expected] of [
    ["workspace_name", workspace.names.workspace],
    ["deployment_name", workspace.deploymentName],
  ] as const) {
    const actual = block.body[attribute];
    if (actual !== expected) {
      const wanted = expected === undefined ? "none (regions.yaml sets no deploymentNamePrefix)" : JSON.stringify(expected);
      problems.push(`${attribute} is ${JSON.stringify(actual ?? null)}, expected ${wanted}`);
    }
  }
  return fromProblems(problems);
};

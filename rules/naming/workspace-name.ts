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
  // An adopted workspace keeps the name it has and the URL it has (deployment_name left out).
  const adopted = workspace.kept !== undefined;
  for (const [attribute, expected] of [
    ["workspace_name", workspace.kept?.workspaceName ?? workspace.names.workspace],
    ["deployment_name", workspace.deploymentName],
  ] as const) {
    const actual = block.body[attribute];
    if (actual !== expected) {
      const none = adopted ? "none (an adopted workspace keeps its URL)" : "none (regions.yaml sets no deploymentNamePrefix)";
      const wanted = expected === undefined ? none : JSON.stringify(expected);
      problems.push(`${attribute} is ${JSON.stringify(actual ?? null)}, expected ${wanted}`);
    }
  }
  return fromProblems(problems);
};

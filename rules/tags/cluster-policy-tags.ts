import { clusterPolicyDefinition } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A cluster policy fixes `custom_tags.<Tag>` for every cost tag: fixed tags propagate to the EC2 and
 * EBS resources of every cluster, which Databricks creates outside Terraform's default_tags.
 */
export const clusterPolicyFixesTags: BlockRule = (block, stack) => {
  if (block.type !== "databricks_cluster_policy" || block.kind !== "resource") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  const expected = stack.expected.workspace?.tags;
  return fromProblems(
    stack.expected.costTagKeys.flatMap((key) => {
      const limit = parsed.definition.get(`custom_tags.${key}`);
      if (limit?.type !== "fixed") return [`custom_tags.${key} is not fixed`];
      if (expected && limit.value !== expected[key]) {
        return [`custom_tags.${key} is fixed to ${JSON.stringify(limit.value)}, expected "${expected[key]}"`];
      }
      return [];
    }),
  );
};

import { clusterPolicyDefinition, describeLimit, upperBound } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * Both ways to size a cluster are capped: `autoscale.max_workers` and `num_workers` (a fixed-size
 * cluster skips the autoscale limit entirely).
 */
export const policyCapsWorkers: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_cluster_policy") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  return fromProblems(
    ["autoscale.max_workers", "num_workers"].flatMap((path) => {
      const limit = parsed.definition.get(path);
      return limit?.type === "forbidden" || upperBound(limit) !== undefined ? [] : [`${path} has no upper bound (${describeLimit(limit)})`];
    }),
  );
};

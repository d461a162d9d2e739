import { POOL_ATTRIBUTES } from "../../domain/platform-facts";
import { clusterPolicyDefinition, describeLimit } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/** No instance pools: a cluster on a pool takes the pool's node type, past the node_type_id allowlist. */
export const policyForbidsPools: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_cluster_policy") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  return fromProblems(
    POOL_ATTRIBUTES.filter((attribute) => parsed.definition.get(attribute)?.type !== "forbidden").map(
      (attribute) => `${attribute} is not forbidden (${describeLimit(parsed.definition.get(attribute))})`,
    ),
  );
};

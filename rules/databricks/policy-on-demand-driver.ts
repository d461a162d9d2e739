import { ENFORCED_CLUSTER_ATTRIBUTES } from "../../domain/platform-facts";
import { clusterPolicyDefinition, describeLimit } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * Exactly one on-demand node, the driver (`aws_attributes.first_on_demand` fixed at 1): a reclaimed
 * spot driver kills the whole run, however long it has been going, and a range with no maximum lets a
 * user put every worker on demand too.
 */
export const policyOnDemandDriver: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_cluster_policy") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  const limit = parsed.definition.get("aws_attributes.first_on_demand");
  const pinned = limit?.type === "fixed" && limit.value === ENFORCED_CLUSTER_ATTRIBUTES.firstOnDemand;
  return fromProblems(pinned ? [] : [`aws_attributes.first_on_demand is not fixed at 1 (${describeLimit(limit)})`]);
};

import { clusterPolicyDefinition, describeLimit, lowerBound } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * The driver runs on demand (`aws_attributes.first_on_demand` ≥ 1): a reclaimed spot driver kills
 * the whole run, however long it has been going.
 */
export const policyOnDemandDriver: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_cluster_policy") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  const limit = parsed.definition.get("aws_attributes.first_on_demand");
  const least = lowerBound(limit);
  return fromProblems(least !== undefined && least >= 1 ? [] : [`aws_attributes.first_on_demand allows less than 1 (${describeLimit(limit)})`]);
};

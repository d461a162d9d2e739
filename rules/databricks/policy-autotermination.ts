import { clusterPolicyDefinition, describeLimit, lowerBound, upperBound, type PolicyDefinition } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/** A policy allows all-purpose clusters unless `cluster_type` is pinned to job or dlt clusters. */
function allowsAllPurpose(definition: PolicyDefinition): boolean {
  const limit = definition.get("cluster_type");
  if (!limit) return true;
  if (limit.type === "fixed") return limit.value === "all-purpose";
  if (limit.type === "allowlist") return (limit.values ?? []).includes("all-purpose");
  if (limit.type === "blocklist") return !(limit.values ?? []).includes("all-purpose");
  return true;
}

/**
 * A policy that allows all-purpose (interactive) clusters bounds `autotermination_minutes` and never
 * allows 0, which disables it: an idle interactive cluster otherwise runs all weekend.
 */
export const policyLimitsAutotermination: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_cluster_policy") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  if (!allowsAllPurpose(parsed.definition)) return NOT_APPLICABLE;
  const limit = parsed.definition.get("autotermination_minutes");
  const least = lowerBound(limit);
  const bounded = upperBound(limit) !== undefined && least !== undefined && least >= 1;
  return fromProblems(bounded ? [] : [`autotermination_minutes is not limited to 1..max minutes (${describeLimit(limit)})`]);
};

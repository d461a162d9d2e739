import { clusterPolicyDefinition, describeLimit } from "../core/cluster-policy";
import { fromProblems, NOT_APPLICABLE, nonCompliant } from "../core/result";
import type { BlockRule } from "../core/rule";

/** `dbus_per_hour` has a range maxValue: one cap on cost whatever node type and count are chosen. */
export const policyCapsDbusPerHour: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_cluster_policy") return NOT_APPLICABLE;
  const parsed = clusterPolicyDefinition(block);
  if (!parsed.ok) return nonCompliant(parsed.problem);
  const limit = parsed.definition.get("dbus_per_hour");
  const capped = limit?.type === "range" && limit.maxValue !== undefined;
  return fromProblems(capped ? [] : [`dbus_per_hour has no range maxValue (${describeLimit(limit)})`]);
};

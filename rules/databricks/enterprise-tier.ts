import { ENTERPRISE_ONLY_HARDENING, PRICING_TIER } from "../../domain/platform-facts";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/**
 * A workspace of an environment with customer-managed keys or PrivateLink is on the Enterprise tier:
 * both exist only there, and a PREMIUM workspace that asks for them fails at apply.
 */
export const hardenedWorkspaceOnEnterprise: BlockRule = (block, stack) => {
  if (block.kind !== "resource" || block.type !== "databricks_mws_workspaces") return NOT_APPLICABLE;
  const hardening = stack.expected.workspace?.hardening;
  const needs = (["customerManagedKeys", "privateLink"] as const).filter((feature) => hardening?.[feature]);
  if (!needs.length) return NOT_APPLICABLE;
  const tier = block.body.pricing_tier;
  const features = needs.map((feature) => ENTERPRISE_ONLY_HARDENING[feature]).join(" and ");
  return fromProblems(tier === PRICING_TIER.enterprise ? [] : [`${features} need pricing_tier ${PRICING_TIER.enterprise}, found ${JSON.stringify(tier ?? null)}`]);
};

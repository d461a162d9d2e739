import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { PRICING_TIERS } from "../../domain/platform-facts";

/** Cluster policies, permissions and audit logs need PREMIUM or above; STANDARD has none of them. */
export const workspacePricingTier: BlockRule = (block) => {
  if (block.kind !== "resource" || block.type !== "databricks_mws_workspaces") return NOT_APPLICABLE;
  const tier = block.body.pricing_tier;
  const allowed = (PRICING_TIERS as readonly unknown[]).includes(tier);
  return fromProblems(allowed ? [] : [`pricing_tier is ${JSON.stringify(tier ?? null)}`]);
};

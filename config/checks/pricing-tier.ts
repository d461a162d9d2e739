import { ENTERPRISE_ONLY_HARDENING, PRICING_TIER } from "../../domain/platform-facts";
import { hardeningOf, pricingTierOf } from "../../domain/workspaces";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/**
 * Customer-managed keys and PrivateLink exist only on the Enterprise tier: asked for on a PREMIUM
 * workspace, they fail the first apply, half-way through a workspace. Reported at the setting that
 * asks for them (or at `protected`, which turns customer-managed keys on by default).
 */
export function checkPricingTier(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [environment, settings] of Object.entries(config.environments)) {
    const tier = pricingTierOf(config, settings);
    if (tier === PRICING_TIER.enterprise) continue;
    const hardening = hardeningOf(settings);
    for (const feature of ["customerManagedKeys", "privateLink"] as const) {
      if (!hardening[feature]) continue;
      const explicit = settings.hardening?.[feature] !== undefined;
      const path = explicit ? ["environments", environment, "hardening", feature] : ["environments", environment, "protected"];
      const why = explicit ? ENTERPRISE_ONLY_HARDENING[feature] : `${ENTERPRISE_ONLY_HARDENING[feature]} (on by default where protected)`;
      problems.push({
        path,
        message: `expected pricingTier ${PRICING_TIER.enterprise} for ${why}: set environments.${environment}.pricingTier: ${PRICING_TIER.enterprise} or turn it off, found ${tier}`,
      });
    }
  }
  return problems;
}

import { isRuleId, RULE_IDS } from "../../domain/rule-ids";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/**
 * Every suppression names a rule the pack has. A typo would otherwise suppress nothing today and
 * surface only as a warning at synth, long after review.
 */
export function checkSuppressions(config: RegionsFile): ConfigProblem[] {
  return config.suppressions.flatMap((suppression, i) =>
    isRuleId(suppression.rule)
      ? []
      : [{ path: ["suppressions", i, "rule"], message: `expected a rule ID of the guardrail pack (${RULE_IDS.join(", ")}), found "${suppression.rule}"` }],
  );
}

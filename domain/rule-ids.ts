/**
 * The IDs of the guardrail rules, in pack order. They live here, below both the config boundary and
 * the rule pack, so validation can reject a suppression that names no rule without loading the pack
 * (and the synth pipeline it sits in); rules/pack.ts types every rule's `id` as a `RuleId`, and a test
 * keeps this list and the pack equal. IDs are stable: suppressions and docs name them; never reuse one.
 */
export const RULE_IDS = [
  "NAME-1", "NAME-2", "NAME-3",
  "TAG-1", "TAG-2", "TAG-3", "TAG-4", "TAG-5",
  "NET-1", "NET-2", "NET-3", "NET-4", "NET-5",
  "BKT-1", "BKT-2", "BKT-3", "BKT-4", "BKT-5", "BKT-6", "BKT-7",
  "IAM-1", "IAM-2", "IAM-3", "IAM-4",
  "DBX-1", "DBX-2", "DBX-3", "DBX-4", "DBX-5", "DBX-6", "DBX-7", "DBX-8", "DBX-9", "DBX-10", "DBX-11", "DBX-12",
  "SEC-1", "SEC-2", "SEC-3",
  "LIFE-1", "LIFE-2",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

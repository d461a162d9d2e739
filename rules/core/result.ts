/**
 * What a rule says about one block (or one stack), as in cdk-nag's NagRuleCompliance: a rule that
 * does not look at this kind of block says so, instead of passing it silently.
 */
export type RuleResult =
  | { readonly status: "compliant" }
  | { readonly status: "not-applicable" }
  | {
      readonly status: "non-compliant";
      /** What exactly is wrong here, one entry per problem: the pack's message says why it matters. */
      readonly details: readonly string[];
      /** Stack rules only: the block the finding belongs to, e.g. `provider.aws`. */
      readonly address?: string;
    };

export const COMPLIANT: RuleResult = { status: "compliant" };
export const NOT_APPLICABLE: RuleResult = { status: "not-applicable" };

export function nonCompliant(details: string | readonly string[], address?: string): RuleResult {
  return { status: "non-compliant", details: typeof details === "string" ? [details] : details, address };
}

/** Non-compliant when any problem was collected, compliant otherwise. */
export function fromProblems(problems: readonly string[]): RuleResult {
  return problems.length ? nonCompliant(problems) : COMPLIANT;
}

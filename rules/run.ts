/**
 * Applies the pack to synthesized stacks: every block rule to every block, every stack rule to every
 * stack, then the suppressions from regions.yaml. A rule that throws is an error finding: a guardrail
 * that crashes must not pass silently.
 */
import type { RegionsConfig } from "../config/schema/regions";
import { guardrailContext } from "./core/context";
import type { RuleResult } from "./core/result";
import { stackView, type StackView } from "./core/stack-view";
import type { Finding } from "./finding";
import { RULE_PACK, type PackRule } from "./pack";
import { applySuppressions } from "./suppressions";

function safely(run: () => RuleResult): RuleResult {
  try {
    return run();
  } catch (error) {
    return { status: "non-compliant", details: [`the check threw: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

function verdicts(rule: PackRule, stack: StackView): { address: string; result: RuleResult }[] {
  const { check } = rule;
  if ("block" in check) return stack.blocks.map((block) => ({ address: block.address, result: safely(() => check.block(block, stack)) }));
  return [{ address: "stack", result: safely(() => check.stack(stack)) }];
}

function ruleFindings(rule: PackRule, stack: StackView): Finding[] {
  return verdicts(rule, stack).flatMap(({ address, result }) =>
    result.status === "non-compliant"
      ? [{ stack: stack.name, address: result.address ?? address, rule: rule.id, level: rule.level, message: rule.message, details: result.details }]
      : [],
  );
}

export interface RunOptions {
  readonly pack?: readonly PackRule[];
  /** Where suppressions came from, to name unused ones: regions.yaml or $REGIONS_FILE. */
  readonly configFile?: string;
}

/** Every finding for `stacks` (stack name → synthesized JSON), suppressions applied, in a stable order. */
export function runPack(stacks: ReadonlyMap<string, unknown>, config: RegionsConfig, options: RunOptions = {}): Finding[] {
  const pack = options.pack ?? RULE_PACK;
  const context = guardrailContext(config);
  const findings = [...stacks].flatMap(([name, json]) => {
    const view = stackView(name, json, context.expectationsFor(name));
    return pack.flatMap((rule) => ruleFindings(rule, view));
  });
  return applySuppressions(findings, config.suppressions, new Set(pack.map((rule) => rule.id)), options.configFile ?? "regions.yaml");
}

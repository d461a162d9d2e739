/**
 * Applies the pack to synthesized stacks: every block rule to every block, every stack rule to every
 * stack, then the suppressions from regions.yaml. A rule that throws is an error finding: a guardrail
 * that crashes must not pass silently.
 */
import type { RegionsConfig } from "../config/schema/regions";
import { guardrailContext } from "./core/context";
import type { RuleResult } from "./core/result";
import type { Block } from "../tfjson/block";
import { stackView, type StackView } from "./core/stack-view";
import type { Finding } from "./finding";
import { RULE_PACK, type PackRule } from "./pack";
import { applySuppressions } from "./suppressions";

function threw(error: unknown): RuleResult {
  return { status: "non-compliant", details: [`the check threw: ${error instanceof Error ? error.message : String(error)}`] };
}

type NonCompliant = Extract<RuleResult, { status: "non-compliant" }>;

function finding(rule: PackRule, stack: StackView, address: string, result: NonCompliant): Finding {
  return { stack: stack.name, address: result.address ?? address, rule: rule.id, level: rule.level, message: rule.message, details: result.details };
}

/**
 * The rule's non-compliant verdicts on one stack. A plain loop: an array of verdicts and a closure
 * per check made the dispatch dearer than most rules (bench profile).
 */
function ruleFindings(rule: PackRule, stack: StackView): Finding[] {
  const { check } = rule;
  const findings: Finding[] = [];
  if ("block" in check) {
    for (const block of blocksFor(check.resources, stack)) {
      let result: RuleResult;
      try {
        result = check.block(block, stack);
      } catch (error) {
        result = threw(error);
      }
      if (result.status === "non-compliant") findings.push(finding(rule, stack, block.address, result));
    }
  } else {
    let result: RuleResult;
    try {
      result = check.stack(stack);
    } catch (error) {
      result = threw(error);
    }
    if (result.status === "non-compliant") findings.push(finding(rule, stack, "stack", result));
  }
  return findings;
}

/**
 * The blocks a check sees: every block, or only the resource blocks of the types it names, in the
 * order `stack.blocks` has them (types sorted), so findings keep their order either way.
 */
function blocksFor(resources: readonly string[] | undefined, stack: StackView): readonly Block[] {
  if (!resources) return stack.blocks;
  if (resources.length === 1) return stack.ofType(resources[0]);
  return [...resources].sort().flatMap((type) => stack.ofType(type));
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

/**
 * Databricks cluster policy definitions (docs.databricks.com admin/clusters/policy-definition): a JSON
 * object keyed by attribute path, one limitation per path: fixed, range, allowlist, blocklist, regex,
 * unlimited or forbidden.
 */
import { z } from "../../config/schema/zod";
import { Limitation, type Limitation as PolicyLimit } from "../../config/schema/policy-language";
import type { Block } from "../../tfjson/block";

export type { PolicyLimit };
export type PolicyDefinition = ReadonlyMap<string, PolicyLimit>;

/** The policy language as the config boundary reads it (config/schema/policy-language.ts): one schema for both. */
const Definition = z.record(z.string(), Limitation);

export type ParsedDefinition =
  | { readonly ok: true; readonly definition: PolicyDefinition }
  | { readonly ok: false; readonly problem: string };

/**
 * Each policy's reading, kept for the pack's run: six rules read every policy, and parsing and
 * checking its definition each time was a fifth of the pack at 100 regions (bench profile). Keyed by
 * the block's body, which the rules share and never change.
 */
const readings = new WeakMap<object, ParsedDefinition>();

/**
 * The policy's definition, or why it cannot be read. A definition written with Terraform's
 * jsonencode() or a reference is only known at apply time, so it cannot be checked here: write it
 * with JSON.stringify() so the synthesized JSON carries it.
 */
export function clusterPolicyDefinition(policy: Block): ParsedDefinition {
  let reading = readings.get(policy.body);
  if (!reading) {
    reading = readDefinition(policy);
    readings.set(policy.body, reading);
  }
  return reading;
}

function readDefinition(policy: Block): ParsedDefinition {
  const text = policy.body.definition ?? policy.body.policy_family_definition_overrides;
  if (typeof text !== "string") return { ok: false, problem: "has no definition to check" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: "definition is not literal JSON (write it with JSON.stringify, not jsonencode or a reference)" };
  }
  const checked = Definition.safeParse(parsed);
  if (!checked.success) {
    const [issue] = checked.error.issues;
    return { ok: false, problem: `definition is not in the policy language (${issue.path.join(".") || "definition"}: ${issue.message})` };
  }
  return { ok: true, definition: new Map(Object.entries(checked.data)) };
}

/** The bound a limitation sets on the value a user picks; undefined when it sets none that way. */
function bound(limit: PolicyLimit | undefined, side: "upper" | "lower"): number | undefined {
  if (!limit) return undefined;
  switch (limit.type) {
    case "fixed":
      return typeof limit.value === "number" ? limit.value : undefined;
    case "range":
      return side === "upper" ? limit.maxValue : limit.minValue;
    case "allowlist": {
      const numbers = limit.values.filter((value): value is number => typeof value === "number");
      if (numbers.length !== limit.values.length) return undefined;
      return side === "upper" ? Math.max(...numbers) : Math.min(...numbers);
    }
    default:
      return undefined;
  }
}

/** The largest value a limitation lets a user pick; undefined when it sets no upper bound. */
export const upperBound = (limit: PolicyLimit | undefined) => bound(limit, "upper");

/** The smallest value a limitation lets a user pick; undefined when it sets no lower bound. */
export const lowerBound = (limit: PolicyLimit | undefined) => bound(limit, "lower");

export function describeLimit(limit: PolicyLimit | undefined): string {
  return limit ? JSON.stringify(limit) : "no limitation";
}

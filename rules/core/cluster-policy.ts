/**
 * Databricks cluster policy definitions (docs.databricks.com admin/clusters/policy-definition): a JSON
 * object keyed by attribute path, one limitation per path: fixed, range, allowlist, blocklist, regex,
 * unlimited or forbidden.
 */
import type { Block } from "./stack-view";
import { isObject, type Json, type JsonObject } from "./values";

export interface PolicyLimit {
  readonly type: string;
  readonly value?: Json;
  readonly values?: readonly Json[];
  readonly minValue?: number;
  readonly maxValue?: number;
}

export type PolicyDefinition = ReadonlyMap<string, PolicyLimit>;

export type ParsedDefinition =
  | { readonly ok: true; readonly definition: PolicyDefinition }
  | { readonly ok: false; readonly problem: string };

/**
 * The policy's definition, or why it cannot be read. A definition written with Terraform's
 * jsonencode() or a reference is only known at apply time, so it cannot be checked here: write it
 * with JSON.stringify() so the synthesized JSON carries it.
 */
export function clusterPolicyDefinition(policy: Block): ParsedDefinition {
  const text = policy.body.definition ?? policy.body.policy_family_definition_overrides;
  if (typeof text !== "string") return { ok: false, problem: "has no definition to check" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: "definition is not literal JSON (write it with JSON.stringify, not jsonencode or a reference)" };
  }
  if (!isObject(parsed)) return { ok: false, problem: "definition is not a JSON object" };
  const entries = Object.entries(parsed).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
  return {
    ok: true,
    definition: new Map(
      entries.map(([path, limit]) => [
        path,
        {
          type: String(limit.type),
          value: limit.value,
          values: Array.isArray(limit.values) ? limit.values : undefined,
          minValue: typeof limit.minValue === "number" ? limit.minValue : undefined,
          maxValue: typeof limit.maxValue === "number" ? limit.maxValue : undefined,
        },
      ]),
    ),
  };
}

/** The largest value a limitation lets a user pick; undefined when it sets no upper bound. */
export function upperBound(limit: PolicyLimit | undefined): number | undefined {
  if (!limit) return undefined;
  switch (limit.type) {
    case "fixed":
      return typeof limit.value === "number" ? limit.value : undefined;
    case "range":
      return limit.maxValue;
    case "allowlist": {
      const numbers = (limit.values ?? []).filter((value): value is number => typeof value === "number");
      return numbers.length && numbers.length === limit.values?.length ? Math.max(...numbers) : undefined;
    }
    default:
      return undefined;
  }
}

/** The smallest value a limitation lets a user pick; undefined when it sets no lower bound. */
export function lowerBound(limit: PolicyLimit | undefined): number | undefined {
  if (!limit) return undefined;
  switch (limit.type) {
    case "fixed":
      return typeof limit.value === "number" ? limit.value : undefined;
    case "range":
      return limit.minValue;
    case "allowlist": {
      const numbers = (limit.values ?? []).filter((value): value is number => typeof value === "number");
      return numbers.length && numbers.length === limit.values?.length ? Math.min(...numbers) : undefined;
    }
    default:
      return undefined;
  }
}

export function describeLimit(limit: PolicyLimit | undefined): string {
  return limit ? JSON.stringify(limit) : "no limitation";
}

/**
 * IAM policies as they appear in synthesized JSON: literal JSON strings (`policy`,
 * `assume_role_policy`) or `aws_iam_policy_document` data sources referenced by `${….json}`. Both are
 * read into one statement shape so a rule checks a policy once, however it was written.
 */
import type { Block } from "../../tfjson/block";
import type { StackView } from "./stack-view";
import { asList, asStrings, isObject, type JsonObject } from "../../tfjson/json";
import { referencesIn } from "../../tfjson/references";
import { isExpression } from "../../tfjson/template";

export interface PolicyStatement {
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** `{ type: "*", identifiers: ["*"] }` for `"Principal": "*"`. */
  readonly principals: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
  readonly conditions: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

export interface ResolvedPolicy {
  readonly statements: readonly PolicyStatement[];
  /** Parts that are neither literal JSON nor a policy document of this stack: they cannot be checked. */
  readonly unresolved: readonly string[];
}

const POLICY_DOCUMENT = "aws_iam_policy_document";

/** Statements of a literal JSON policy; undefined when the text is not a JSON policy. */
export function parsePolicyJson(text: string): PolicyStatement[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  return asList(parsed.Statement).map((statement) => ({
    effect: statement.Effect === "Deny" ? "Deny" : "Allow",
    actions: asStrings(statement.Action),
    resources: asStrings(statement.Resource),
    principals: jsonPrincipals(statement.Principal),
    conditions: Object.entries(isObject(statement.Condition) ? statement.Condition : {}).flatMap(([test, byVariable]) =>
      Object.entries(isObject(byVariable) ? byVariable : {}).map(([variable, values]) => ({ test, variable, values: asStrings(values) })),
    ),
  }));
}

function jsonPrincipals(principal: unknown): PolicyStatement["principals"] {
  if (principal === "*") return [{ type: "*", identifiers: ["*"] }];
  if (!isObject(principal)) return [];
  return Object.entries(principal).map(([type, identifiers]) => ({ type, identifiers: asStrings(identifiers) }));
}

/** Statements of an `aws_iam_policy_document` data source (its own, not its source documents). */
export function policyDocumentStatements(body: JsonObject): PolicyStatement[] {
  return asList(body.statement).map((statement) => ({
    // The data source defaults effect to Allow.
    effect: statement.effect === "Deny" ? "Deny" : "Allow",
    actions: asStrings(statement.actions),
    resources: asStrings(statement.resources),
    principals: asList(statement.principals).map((p) => ({ type: String(p.type), identifiers: asStrings(p.identifiers) })),
    conditions: asList(statement.condition).map((c) => ({
      test: String(c.test),
      variable: String(c.variable),
      values: asStrings(c.values),
    })),
  }));
}

/** The policy a `policy`-like attribute holds, following policy documents and their source documents. */
export function resolvePolicy(value: unknown, stack: StackView, depth = 0): ResolvedPolicy {
  if (typeof value !== "string") return { statements: [], unresolved: [] };
  const literal = parsePolicyJson(value);
  if (literal) return { statements: literal, unresolved: [] };
  const document = referencedPolicyDocument(value, stack);
  if (!document || depth > 5) return { statements: [], unresolved: [value] };
  return documentPolicy(document, stack, depth);
}

export function documentPolicy(document: Block, stack: StackView, depth = 0): ResolvedPolicy {
  const merged = ["source_policy_documents", "override_policy_documents"].flatMap((key) =>
    asStrings(document.body[key]).map((source) => resolvePolicy(source, stack, depth + 1)),
  );
  return {
    statements: [...policyDocumentStatements(document.body), ...merged.flatMap((policy) => policy.statements)],
    unresolved: merged.flatMap((policy) => policy.unresolved),
  };
}

/** The `aws_iam_policy_document` a `${data.aws_iam_policy_document.x.json}` value names. */
export function referencedPolicyDocument(value: string, stack: StackView): Block | undefined {
  if (!isExpression(value)) return undefined;
  const [reference, ...more] = referencesIn(value);
  if (!reference || more.length || !reference.address.startsWith(`data.${POLICY_DOCUMENT}.`)) return undefined;
  return stack.block(reference.address);
}

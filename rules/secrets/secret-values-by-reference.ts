import { stringLiteralsIn } from "../../tfjson/references";
import { isExpression } from "../../tfjson/template";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import type { Block } from "../../tfjson/block";

/** Where secret values are stored, by resource type. */
function secretAttributes(block: Block): readonly string[] {
  switch (block.type) {
    case "aws_secretsmanager_secret_version":
      return ["secret_string", "secret_binary"];
    case "databricks_secret":
      return ["string_value"];
    case "aws_ssm_parameter":
      return block.body.type === "SecureString" ? ["value", "insecure_value"] : [];
    default:
      return [];
  }
}

/** Quoted strings in an expression that are values, not object keys: literals mixed into the secret. */
function literalValues(expression: string): string[] {
  return stringLiteralsIn(expression.slice(2, -1))
    .filter((quoted) => !quoted.isKey)
    .map((quoted) => quoted.text);
}

/**
 * A secret store gets its value by reference (a random_password, a service principal secret, a
 * variable set by CI), never as a literal: the literal would be in git and in every plan.
 */
export const secretValuesByReference: BlockRule = (block) => {
  if (block.kind !== "resource") return NOT_APPLICABLE;
  const attributes = secretAttributes(block).filter((attribute) => block.body[attribute] !== undefined);
  if (attributes.length === 0) return NOT_APPLICABLE;
  return fromProblems(
    attributes.flatMap((attribute) => {
      const value = block.body[attribute];
      if (!isExpression(value)) return [`${attribute} is a literal, not a reference`];
      const literals = literalValues(value);
      return literals.length ? [`${attribute} embeds literal ${literals.map((l) => JSON.stringify(l)).join(", ")}`] : [];
    }),
  );
};

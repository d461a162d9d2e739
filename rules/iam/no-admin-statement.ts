import { parsePolicyJson, policyDocumentStatements, type PolicyStatement } from "../core/policy";
import { asList } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import type { Block } from "../../tfjson/block";

/** Resources whose `policy` attribute is an inline IAM policy. */
const INLINE_POLICY_TYPES = new Set(["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]);

const isWildcardAction = (action: string) => action === "*" || action === "*:*";

function adminStatements(statements: readonly PolicyStatement[]): string[] {
  return statements
    .filter((s) => s.effect === "Allow" && s.actions.some(isWildcardAction) && s.resources.includes("*"))
    .map(() => `a statement allows action "*" on resource "*"`);
}

/** The literal policies a block holds; references are checked where they lead (the document itself). */
function literalPolicies(block: Block): string[] {
  if (block.type === "aws_iam_role") return asList(block.body.inline_policy).map((p) => p.policy).filter((p): p is string => typeof p === "string");
  return INLINE_POLICY_TYPES.has(block.type) && typeof block.body.policy === "string" ? [block.body.policy] : [];
}

/** No policy allows every action on every resource: that is an administrator hidden in a policy. */
export const noAdminStatement: BlockRule = (block) => {
  if (block.kind === "data" && block.type === "aws_iam_policy_document") {
    return fromProblems(adminStatements(policyDocumentStatements(block.body)));
  }
  if (block.kind !== "resource" || !(INLINE_POLICY_TYPES.has(block.type) || block.type === "aws_iam_role")) return NOT_APPLICABLE;
  return fromProblems(literalPolicies(block).flatMap((policy) => adminStatements(parsePolicyJson(policy) ?? [])));
};

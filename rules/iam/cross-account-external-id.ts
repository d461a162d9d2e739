import { resolvePolicy, type PolicyStatement } from "../core/policy";
import { referencesIn } from "../../tfjson/references";
import { isExpression } from "../../tfjson/template";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import type { StackView } from "../core/stack-view";

const ASSUMES = (action: string) => ["sts:AssumeRole", "sts:*", "*"].includes(action);

/** An AWS principal outside our own account (another account id, an ARN in one, or "*"). */
function foreignPrincipals(statement: PolicyStatement, ownAccount: string): string[] {
  return statement.principals
    .filter((p) => p.type === "AWS" || p.type === "*")
    .flatMap((p) => p.identifiers)
    .filter((id) => id !== ownAccount && !id.startsWith(`arn:aws:iam::${ownAccount}:`));
}

const hasExternalId = (statement: PolicyStatement) =>
  statement.conditions.some(
    (c) => ["StringEquals", "StringLike"].includes(c.test) && c.variable === "sts:ExternalId" && c.values.some((v) => v !== ""),
  );

/**
 * The provider's trust data sources write the Databricks trust: `databricks_aws_assume_role_policy`
 * (cross-account, log delivery) and `databricks_aws_unity_catalog_assume_role_policy` (Unity Catalog's
 * master role and the role itself, both under the storage credential's external id: databricks
 * provider docs/data-sources/aws_unity_catalog_assume_role_policy.md (v1.99)). Safe when external_id is set.
 */
const DATABRICKS_TRUST_SOURCES = ["data.databricks_aws_assume_role_policy.", "data.databricks_aws_unity_catalog_assume_role_policy."];

function databricksTrustProblems(value: string, stack: StackView): string[] | undefined {
  const [reference] = referencesIn(value);
  if (!isExpression(value) || !DATABRICKS_TRUST_SOURCES.some((source) => reference?.address.startsWith(source))) return undefined;
  const externalId = stack.block(reference.address)?.body.external_id;
  return typeof externalId === "string" && externalId !== "" ? [] : [`${reference.address} sets no external_id`];
}

/**
 * A role another AWS account may assume requires an external id (sts:ExternalId), the defence
 * against the confused-deputy problem. A trust policy this stack cannot read fails closed.
 */
export const crossAccountExternalId: BlockRule = (block, stack) => {
  if (block.kind !== "resource" || block.type !== "aws_iam_role") return NOT_APPLICABLE;
  const trust = block.body.assume_role_policy;
  if (typeof trust !== "string") return fromProblems(["has no assume_role_policy to check"]);
  const databricks = databricksTrustProblems(trust, stack);
  if (databricks) return fromProblems(databricks);
  const { statements, unresolved } = resolvePolicy(trust, stack);
  const problems = unresolved.map((expression) => `trust policy ${expression} cannot be read here to check for an external id`);
  for (const statement of statements) {
    if (statement.effect !== "Allow" || !statement.actions.some(ASSUMES)) continue;
    const foreign = foreignPrincipals(statement, stack.expected.awsAccountId);
    if (foreign.length && !hasExternalId(statement)) problems.push(`${foreign.join(", ")} may assume it without sts:ExternalId`);
  }
  return fromProblems(problems);
};

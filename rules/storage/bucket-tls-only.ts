import { resolvePolicy, type PolicyStatement } from "../core/policy";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { bucketCompanions, isBucket } from "./bucket-companions";

function deniesInsecureTransport(statement: PolicyStatement): boolean {
  const everyone = statement.principals.some((p) => p.identifiers.includes("*") && (p.type === "*" || p.type === "AWS"));
  const everyAction = statement.actions.some((action) => action === "s3:*" || action === "*");
  const overPlainHttp = statement.conditions.some(
    (c) => c.test === "Bool" && c.variable === "aws:SecureTransport" && c.values.includes("false"),
  );
  return statement.effect === "Deny" && everyone && everyAction && overPlainHttp;
}

/** The bucket policy denies every request not sent over TLS (aws:SecureTransport = false). */
export const bucketTlsOnly: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const policies = bucketCompanions(block, stack, "aws_s3_bucket_policy");
  if (policies.length === 0) return fromProblems(["no aws_s3_bucket_policy"]);
  const denies = policies.some((policy) => resolvePolicy(policy.body.policy, stack).statements.some(deniesInsecureTransport));
  return fromProblems(denies ? [] : ["its bucket policy has no Deny of s3:* for everyone when aws:SecureTransport is false"]);
};

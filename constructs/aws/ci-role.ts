import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { GITHUB_OIDC_AWS_AUDIENCE, GITHUB_OIDC_CONDITION_KEYS } from "../../domain/platform-facts";

/** One statement of the role's own policy (domain/ci-policies.ts builds them). */
export interface CiRoleStatement {
  readonly sid: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Instead of `resources`: everything but these. */
  readonly notResources?: readonly string[];
  readonly condition?: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

export interface CiRoleNames {
  readonly role: string;
}

export interface CiRoleProps {
  readonly names: CiRoleNames;
  readonly description: string;
  /** The GitHub OIDC provider's ARN: the only principal the role trusts. */
  readonly oidcProviderArn: string;
  /** The exact `sub` claims allowed (StringEquals): one repository, named events or environments. */
  readonly subjects: readonly string[];
  readonly managedPolicyArns: readonly string[];
  readonly statements: readonly CiRoleStatement[];
  /**
   * How long one assumption lasts; a job's credentials expire then.
   * @default 3600 (one hour, the AWS default)
   */
  readonly maxSessionSeconds?: number;
}

/**
 * A role GitHub Actions jobs assume with their OIDC token. Trusted only for the listed subjects with
 * StringEquals, never a wildcard: GitHub's and AWS's docs both ask to evaluate the `sub` condition
 * key, and a `StringLike repo:owner/repo:*` would admit every branch and every workflow.
 */
export class CiRole extends Construct {
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: CiRoleProps) {
    super(scope, id);
    if (!props.subjects.length) throw new Error(`${props.names.role}: a CI role needs at least one subject`);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          sid: "GithubActions",
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: [props.oidcProviderArn] }],
          condition: [
            { test: "StringEquals", variable: GITHUB_OIDC_CONDITION_KEYS.audience, values: [GITHUB_OIDC_AWS_AUDIENCE] },
            { test: "StringEquals", variable: GITHUB_OIDC_CONDITION_KEYS.subject, values: [...props.subjects] },
          ],
        },
      ],
    });
    const role = new IamRole(this, "role", {
      name: props.names.role,
      description: props.description,
      assumeRolePolicy: trust.json,
      maxSessionDuration: props.maxSessionSeconds ?? 3600,
    });
    props.managedPolicyArns.forEach((policyArn, index) => new IamRolePolicyAttachment(this, `managed-${index}`, { role: role.name, policyArn }));
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", {
      statement: props.statements.map((statement) => ({
        sid: statement.sid,
        effect: statement.effect,
        actions: [...statement.actions],
        ...(statement.notResources ? { notResources: [...statement.notResources] } : { resources: [...statement.resources] }),
        ...(statement.condition ? { condition: statement.condition.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })) } : {}),
      })),
    });
    new IamRolePolicy(this, "policy", { name: props.names.role, role: role.id, policy: permissions.json });
    this.roleArn = role.arn;
  }
}

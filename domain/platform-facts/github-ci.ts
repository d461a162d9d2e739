/**
 * GitHub Actions OIDC and the AWS side of trusting it: the facts the bootstrap stack's roles and the
 * workflows are built from. Sources beside each; docs/ci.md explains them for people.
 */

/**
 * GitHub's OIDC issuer, the URL of the AWS identity provider, and the audience the official
 * aws-actions/configure-aws-credentials action requests. GitHub docs, "Configuring OpenID Connect in
 * Amazon Web Services" (docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws):
 * "For the provider URL: Use https://token.actions.githubusercontent.com", "For the Audience: Use
 * sts.amazonaws.com if you are using the official action". An AWS account holds one provider per URL
 * (AWS CreateOpenIDConnectProvider: "You cannot register the same provider multiple times").
 */
export const GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
export const GITHUB_OIDC_AWS_AUDIENCE = "sts.amazonaws.com";

/** The IAM condition keys GitHub's tokens fill (same page, trust-policy example). */
export const GITHUB_OIDC_CONDITION_KEYS = {
  audience: "token.actions.githubusercontent.com:aud",
  subject: "token.actions.githubusercontent.com:sub",
} as const;

/**
 * The `sub` claim (GitHub docs, "OpenID Connect reference", docs.github.com/en/actions/reference/security/oidc):
 * - a job that references an environment: `repo:ORG/REPO:environment:NAME`;
 * - a pull_request-triggered job without an environment: `repo:ORG/REPO:pull_request`;
 * - otherwise the branch: `repo:ORG/REPO:ref:refs/heads/BRANCH`.
 * Repositories created after 15 July 2026 (and older ones that opted in, or were renamed or
 * transferred since) use the immutable format `repo:OWNER@OWNER-ID/REPO@REPO-ID:…`.
 */
export const GITHUB_SUBJECT_KINDS = {
  pullRequest: "pull_request",
  environment: "environment",
} as const;

/**
 * The AWS managed policy both CI roles read with. It holds s3:Get* (every object in every bucket),
 * ssm:Get* and no secretsmanager:GetSecretValue nor kms:Decrypt (AWS managed policy ReadOnlyAccess,
 * v178 of 2026-02-12, as mirrored by zoph-io/MAMIP policies/ReadOnlyAccess).
 */
export const AWS_READ_ONLY_ACCESS_POLICY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

/**
 * Databricks has no read-only account role: account-level APIs "can only be called by account owners
 * and account admins" (databricks provider docs/guides/gcp-workspace.md (v1.99)); the rule-set roles of
 * docs/resources/access_control_rule_set.md (v1.99) grant no read of workspaces or metastores. Both CI
 * service principals are account admins; what limits them is which GitHub jobs can get a token
 * (docs/resources/service_principal_federation_policy.md (v1.99)).
 */
export const DATABRICKS_CI_AUTH_TYPE = "github-oidc";

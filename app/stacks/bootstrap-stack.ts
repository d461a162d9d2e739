import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { STATE_DEFAULTS } from "../../config/defaults";
import type { RegionsConfig } from "../../config/schema/regions";
import { CiRole } from "../../constructs/aws/ci-role";
import { GithubOidcProvider } from "../../constructs/aws/github-oidc-provider";
import { ProtectedBucket } from "../../constructs/aws/protected-bucket";
import { StateKey } from "../../constructs/aws/state-key";
import { applyRoleStatements, CI_ROLE_MANAGED_POLICIES, planRoleStatements } from "../../domain/ci-policies";
import { ciSubjects } from "../../domain/ci-subjects";
import { bootstrapResourceNames } from "../../domain/naming";
import { costTagsFor, SHARED_ENVIRONMENT } from "../../domain/workspaces";
import { awsProvider } from "./providers";
import { configureStateBackend, type StateBackend } from "./state-backend";

/** An apply of the largest stack (a workspace with PrivateLink) fits; the apply job's timeout is the same. */
const APPLY_SESSION_SECONDS = 2 * 60 * 60;

/**
 * What CI stands on, applied by an administrator and never by CI (it holds the roles CI assumes):
 * the Terraform state bucket and its KMS key, GitHub's OIDC provider, and the plan and apply roles,
 * each trusted for the one repository regions.yaml names (docs/ci.md).
 *
 * Its first apply runs without `state:` in regions.yaml (local state, as in a trial); then `state:`
 * names the bucket it made and `cdktf deploy <stack> --migrate-state` moves its state in. Without a
 * `github` block it holds the state bucket and key only.
 */
export class BootstrapStack extends TerraformStack {
  constructor(scope: Construct, config: RegionsConfig, backend: StateBackend) {
    const names = bootstrapResourceNames(config);
    super(scope, names.stack);
    configureStateBackend(this, backend, names.stack);
    // The bucket goes where `state:` says; before there is one, where the account stack works.
    const stateRegion = config.state?.region ?? config.usageLogs.region ?? config.regions[0].region;
    awsProvider(this, stateRegion, costTagsFor(config, SHARED_ENVIRONMENT, stateRegion));

    const key = new StateKey(this, "state-key", { names, awsAccountId: config.awsAccountId });
    const bucket = new ProtectedBucket(this, "state-bucket", { names: { bucket: config.state?.bucket ?? names.stateBucket }, kmsKeyArn: key.keyArn });
    new TerraformOutput(this, "state_bucket", { value: bucket.bucketName, description: "state.bucket in regions.yaml" });
    new TerraformOutput(this, "state_region", { value: stateRegion, description: "state.region in regions.yaml, and the AWS_REGION repository variable" });
    new TerraformOutput(this, "state_kms_key_arn", { value: key.keyArn, description: "The key every stack's state is encrypted with" });

    if (!config.github) return;
    const environments = Object.keys(config.environments);
    const subjects = ciSubjects(config.github, environments);
    const provider = new GithubOidcProvider(this, "github-oidc", { existing: config.github.oidcProvider === "existing" });
    const roleArn = (role: string) => `arn:aws:iam::${config.awsAccountId}:role/${role}`;
    const state = { bucketArn: bucket.bucketArn, keyPrefix: config.state?.keyPrefix ?? STATE_DEFAULTS.keyPrefix, kmsKeyArn: key.keyArn };
    const plan = new CiRole(this, "plan-role", {
      names: { role: names.planRole },
      description: `Plans from GitHub ${config.github.repository}: pull requests and the drift environment; reads, never writes`,
      oidcProviderArn: provider.arn,
      subjects: subjects.plan,
      managedPolicyArns: CI_ROLE_MANAGED_POLICIES,
      statements: planRoleStatements({ state }),
    });
    const apply = new CiRole(this, "apply-role", {
      names: { role: names.applyRole },
      description: `Applies from GitHub ${config.github.repository}, in the environments ${environments.join(", ")} only`,
      oidcProviderArn: provider.arn,
      subjects: subjects.apply,
      managedPolicyArns: CI_ROLE_MANAGED_POLICIES,
      statements: applyRoleStatements({
        awsAccountId: config.awsAccountId,
        regions: [...new Set([stateRegion, ...config.regions.map((region) => region.region)])],
        resourcePrefix: names.resourcePrefix,
        state,
        ciRoleArns: [roleArn(names.planRole), roleArn(names.applyRole)],
        oidcProviderArn: provider.arn,
      }),
      maxSessionSeconds: APPLY_SESSION_SECONDS,
    });
    new TerraformOutput(this, "plan_role_arn", { value: plan.roleArn, description: "The AWS_PLAN_ROLE_ARN repository variable" });
    new TerraformOutput(this, "apply_role_arn", { value: apply.roleArn, description: "The AWS_APPLY_ROLE_ARN repository variable" });
    new TerraformOutput(this, "plan_subjects", { value: subjects.plan, description: `Federation policy subjects of the Databricks service principal ${names.planServicePrincipal}` });
    new TerraformOutput(this, "apply_subjects", { value: subjects.apply, description: `Federation policy subjects of the Databricks service principal ${names.applyServicePrincipal}` });
  }
}

/**
 * Which GitHub jobs may act as the CI identities: the exact OIDC `sub` claims the AWS roles and the
 * Databricks federation policies accept, derived from regions.yaml in one place so the two never
 * disagree.
 *
 * - plan: the repository's pull-request jobs (they name no environment, so their subject is
 *   `…:pull_request`) and the drift workflow's jobs, which run in the `drift` environment. Chosen over
 *   the branch subject `…:ref:refs/heads/main`: that one is every job on main that names no
 *   environment, in any workflow (a third-party action in an unrelated workflow included); an
 *   environment is opted into job by job, and its deployment-branch rule pins it to main.
 * - apply: the repository's jobs in an environment named like a regions.yaml environment; every apply
 *   job names one (deploy.yml, apply-stack.yml), so a job without an environment cannot apply.
 */
import type { RegionsFile } from "../config/schema/regions";
import { GITHUB_SUBJECT_KINDS } from "./platform-facts";
import { CI_DRIFT_ENVIRONMENT } from "./naming";

type Github = NonNullable<RegionsFile["github"]>;

/**
 * `repo:owner/name`, or the immutable `repo:owner@owner-id/name@repo-id` when both ids are given
 * (GitHub docs, OpenID Connect reference: "Syntax: repo:OWNER@OWNER-ID/REPO@REPO-ID:…").
 */
export function subjectPrefix(github: Pick<Github, "repository" | "ownerId" | "repositoryId">): string {
  const [owner, name] = github.repository.split("/");
  return github.ownerId !== undefined && github.repositoryId !== undefined
    ? `repo:${owner}@${github.ownerId}/${name}@${github.repositoryId}`
    : `repo:${owner}/${name}`;
}

export interface CiSubjects {
  readonly plan: readonly string[];
  readonly apply: readonly string[];
}

export function ciSubjects(github: Github, environments: readonly string[]): CiSubjects {
  const prefix = subjectPrefix(github);
  const environment = (name: string) => `${prefix}:${GITHUB_SUBJECT_KINDS.environment}:${name}`;
  return {
    plan: [`${prefix}:${GITHUB_SUBJECT_KINDS.pullRequest}`, environment(CI_DRIFT_ENVIRONMENT)],
    apply: environments.map(environment),
  };
}

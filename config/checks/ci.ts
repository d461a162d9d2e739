import { CI_DRIFT_ENVIRONMENT } from "../../domain/naming";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/**
 * The `github` block names one repository precisely enough for the CI roles' trust:
 * - the immutable subject format needs both ids, or the roles would trust a subject GitHub never issues;
 * - no environment may be called like the drift workflow's GitHub environment: the apply role trusts
 *   every regions.yaml environment, so the read-only drift jobs would become able to apply.
 */
export function checkGithub(config: RegionsFile): ConfigProblem[] {
  const github = config.github;
  if (!github) return [];
  const problems: ConfigProblem[] = [];
  const ids = { ownerId: github.ownerId, repositoryId: github.repositoryId };
  for (const [given, missing] of [["ownerId", "repositoryId"], ["repositoryId", "ownerId"]] as const) {
    if (ids[given] !== undefined && ids[missing] === undefined) {
      problems.push({ path: ["github", given], atKey: true, message: `expected ownerId and repositoryId together (the immutable subject format needs both), found ${given} without ${missing}` });
    }
  }
  if (Object.hasOwn(config.environments, CI_DRIFT_ENVIRONMENT)) {
    problems.push({
      path: ["environments", CI_DRIFT_ENVIRONMENT],
      atKey: true,
      message: `expected an environment name other than "${CI_DRIFT_ENVIRONMENT}", the GitHub environment of the drift workflow's read-only plans (the apply role trusts every environment named here), found "${CI_DRIFT_ENVIRONMENT}"`,
    });
  }
  return problems;
}

import { describe, expect, test } from "vitest";
import { ciSubjects, subjectPrefix } from "../../domain/ci-subjects";

const github = { repository: "acme/databricks-workspaces", oidcProvider: "create" as const };

describe("ciSubjects: the OIDC subjects each CI identity accepts", () => {
  test("plan: pull requests and the drift environment; apply: one environment subject per regions.yaml environment", () => {
    expect(ciSubjects(github, ["dev", "staging", "prod"])).toEqual({
      plan: ["repo:acme/databricks-workspaces:pull_request", "repo:acme/databricks-workspaces:environment:drift"],
      apply: ["repo:acme/databricks-workspaces:environment:dev", "repo:acme/databricks-workspaces:environment:staging", "repo:acme/databricks-workspaces:environment:prod"],
    });
  });

  test("no subject of the branch form: a job on main without an environment is neither plan nor apply", () => {
    const { plan, apply } = ciSubjects(github, ["dev", "prod"]);
    for (const subject of [...plan, ...apply]) expect(subject).not.toMatch(/:ref:/);
  });

  test.each([
    ["owner/name as written", { repository: "Acme-Corp/infra" }, "repo:Acme-Corp/infra"],
    ["the immutable format with both ids", { repository: "acme/infra", ownerId: 12, repositoryId: 34 }, "repo:acme@12/infra@34"],
    ["one id alone is not the immutable format (config rejects it)", { repository: "acme/infra", ownerId: 12 }, "repo:acme/infra"],
  ])("subjectPrefix: %s", (_name, repository, expected) => {
    expect(subjectPrefix(repository)).toBe(expected);
  });
});

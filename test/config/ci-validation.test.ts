import { describe, expect, test } from "vitest";
import { BASE_YAML, mutate } from "../fixtures/config";
import { configFromText, problemsOf } from "../utils";

/** BASE_YAML (27 lines) with a block appended from line 28 on. */
const withBlock = (block: string, base = BASE_YAML) => `${base}${block}`;

describe("github and state.kmsKeyId: accepted as written", () => {
  test.each([
    ["a repository", "github:\n  repository: acme/infra\n"],
    ["an existing OIDC provider and the immutable ids", "github:\n  repository: Acme-Corp/data.infra\n  oidcProvider: existing\n  ownerId: 12\n  repositoryId: 34\n"],
    ["a state key ARN", "state:\n  bucket: acme-state\n  region: us-east-1\n  kmsKeyId: arn:aws:kms:us-east-1:123456789012:key/0b7c2d4e-1111-4222-8333-444455556666\n"],
  ])("%s", (_name, block) => {
    expect(problemsOf(withBlock(block))).toEqual([]);
  });

  test("defaults: the OIDC provider is created", () => {
    expect(configFromText(withBlock("github:\n  repository: acme/infra\n")).github).toEqual({ repository: "acme/infra", oidcProvider: "create" });
  });
});

describe("github and state.kmsKeyId: bad input, located", () => {
  test.each([
    [
      "a repository without its owner",
      withBlock("github:\n  repository: infra\n"),
      'regions.yaml:29:15 github.repository: expected the repository as owner/name, spelled as GitHub spells it (IAM compares case-sensitively), e.g. acme/databricks-workspaces, found "infra"',
    ],
    [
      "a misspelled key",
      withBlock("github:\n  repository: acme/infra\n  oidcProvder: existing\n"),
      'regions.yaml:30:3 github.oidcProvder: unknown key "oidcProvder" (did you mean "oidcProvider"?)',
    ],
    [
      "an OIDC provider mode that does not exist",
      withBlock("github:\n  repository: acme/infra\n  oidcProvider: reuse\n"),
      'regions.yaml:30:17 github.oidcProvider: expected one of create, existing, found "reuse"',
    ],
    [
      "one of the two ids of the immutable subject format",
      withBlock("github:\n  repository: acme/infra\n  ownerId: 12\n"),
      "regions.yaml:30:3 github.ownerId: expected ownerId and repositoryId together (the immutable subject format needs both), found ownerId without repositoryId",
    ],
    [
      "a state key that is not a KMS ARN",
      withBlock("state:\n  bucket: acme-state\n  region: us-east-1\n  kmsKeyId: alias/acme-state\n"),
      'regions.yaml:31:13 state.kmsKeyId: expected the ARN of a KMS key or alias, e.g. arn:aws:kms:us-east-1:123456789012:alias/acme-data-terraform-state, found "alias/acme-state"',
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([expected]);
  });

  test("an environment named drift, the drift workflow's environment, which the apply role would then trust", () => {
    const text = withBlock("github:\n  repository: acme/infra\n", mutate(["  dev: {}", "  dev: {}\n  drift: {}"]));
    expect(problemsOf(text)).toContain(
      'regions.yaml:12:3 environments.drift: expected an environment name other than "drift", the GitHub environment of the drift workflow\'s read-only plans (the apply role trusts every environment named here), found "drift"',
    );
  });
});

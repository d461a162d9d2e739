import { describe, expect, test } from "vitest";
import { TerraformStack } from "cdktf";
import { CiRole } from "../../../constructs/aws/ci-role";
import { addressOf, dataSourcesOf, ref, resourcesOf, synthConstruct, testApp } from "../../utils";

const props = {
  names: { role: "acme-data-ci-plan" },
  description: "plans",
  oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
  subjects: ["repo:acme/infra:pull_request"],
  managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
  statements: [
    { sid: "ReadState", effect: "Allow" as const, actions: ["s3:GetObject"], resources: ["arn:aws:s3:::state/*"] },
    { sid: "NoObjects", effect: "Deny" as const, actions: ["s3:GetObject"], resources: [], notResources: ["arn:aws:s3:::state/*"] },
  ],
};

describe("CiRole: a role only GitHub's tokens of the named subjects can assume", () => {
  const stack = synthConstruct((scope) => new CiRole(scope, "plan", props));
  const documents = dataSourcesOf(stack, "aws_iam_policy_document") as { statement: Record<string, unknown>[] }[];
  const trust = documents.find((doc) => doc.statement[0].sid === "GithubActions")!;
  const permissions = documents.find((doc) => doc !== trust)!;

  test("the trust: web identity from the OIDC provider, audience and subjects by StringEquals", () => {
    expect(trust.statement).toEqual([
      {
        sid: "GithubActions",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: [props.oidcProviderArn] }],
        condition: [
          { test: "StringEquals", variable: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] },
          { test: "StringEquals", variable: "token.actions.githubusercontent.com:sub", values: ["repo:acme/infra:pull_request"] },
        ],
      },
    ]);
  });

  test("named as the naming module says, an hour per session unless told", () => {
    expect(resourcesOf(stack, "aws_iam_role")).toEqual([expect.objectContaining({ name: "acme-data-ci-plan", max_session_duration: 3600 })]);
  });

  test("the managed policies attached, its own statements inline (not_resources where given)", () => {
    const role = addressOf(stack, "aws_iam_role");
    expect(resourcesOf(stack, "aws_iam_role_policy_attachment")).toEqual([{ role: ref(role, "name"), policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }]);
    expect(permissions.statement).toEqual([
      { sid: "ReadState", effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::state/*"] },
      { sid: "NoObjects", effect: "Deny", actions: ["s3:GetObject"], not_resources: ["arn:aws:s3:::state/*"] },
    ]);
  });

  test("a role trusting no subject is refused: it could never be used, or would be widened by hand", () => {
    expect(() => new CiRole(new TerraformStack(testApp(), "s"), "r", { ...props, subjects: [] })).toThrow("acme-data-ci-plan: a CI role needs at least one subject");
  });
});

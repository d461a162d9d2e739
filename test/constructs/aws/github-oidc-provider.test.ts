import { describe, expect, test } from "vitest";
import { GithubOidcProvider } from "../../../constructs/aws/github-oidc-provider";
import { dataSourcesOf, resourcesOf, synthConstruct } from "../../utils";

describe("GithubOidcProvider: GitHub's issuer in the AWS account, once", () => {
  test("created: the issuer URL, the official action's audience, no thumbprint (AWS checks the CA itself)", () => {
    const stack = synthConstruct((scope) => new GithubOidcProvider(scope, "github"));
    expect(resourcesOf(stack, "aws_iam_openid_connect_provider")).toEqual([{ url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] }]);
  });

  test("existing: looked up by URL, nothing created (an account holds one provider per URL)", () => {
    const stack = synthConstruct((scope) => new GithubOidcProvider(scope, "github", { existing: true }));
    expect(resourcesOf(stack, "aws_iam_openid_connect_provider")).toEqual([]);
    expect(dataSourcesOf(stack, "aws_iam_openid_connect_provider")).toEqual([{ url: "https://token.actions.githubusercontent.com" }]);
  });
});

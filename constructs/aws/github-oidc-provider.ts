import { Construct } from "constructs";
import { DataAwsIamOpenidConnectProvider } from "@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { GITHUB_OIDC_AWS_AUDIENCE, GITHUB_OIDC_ISSUER } from "../../domain/platform-facts";

export interface GithubOidcProviderProps {
  /**
   * The account already has GitHub's provider (an account holds one per URL: creating a second fails).
   * @default false: created here
   */
  readonly existing?: boolean;
}

/**
 * GitHub Actions' OIDC identity provider in the AWS account, the federated principal of the CI roles.
 * No thumbprint: optional since AWS verifies the provider's TLS certificate against its trusted CAs
 * (AWS CreateOpenIDConnectProvider docs; thumbprint_list is optional in hashicorp/aws 5.x and 6.25).
 */
export class GithubOidcProvider extends Construct {
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: GithubOidcProviderProps = {}) {
    super(scope, id);
    this.arn = props.existing
      ? new DataAwsIamOpenidConnectProvider(this, "existing", { url: GITHUB_OIDC_ISSUER }).arn
      : new IamOpenidConnectProvider(this, "provider", { url: GITHUB_OIDC_ISSUER, clientIdList: [GITHUB_OIDC_AWS_AUDIENCE] }).arn;
  }
}

import { describe, expect, test } from "vitest";
import { CrossAccountRole } from "../../../constructs/aws/cross-account-role";
import { addressOf, dataAddressOf, dataSourcesOf, ref, resourcesOf, synthConstruct } from "../../utils";

const ACCOUNT = "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d";

describe("CrossAccountRole: restricted to one VPC, security group, region and account", () => {
  const stack = synthConstruct((scope) => {
    new CrossAccountRole(scope, "cross-account", {
      names: { crossAccountRole: "acme-data-use1-prod-crossaccount", credentials: "acme-data-use1-prod-credentials" },
      databricksAccountId: ACCOUNT,
      awsAccountId: "123456789012",
      awsRegion: "us-east-1",
      vpcId: "vpc-0123",
      securityGroupId: "sg-0456",
    });
  });

  test("the permissions are the restricted crossaccount policy for this VPC and security group", () => {
    expect(dataSourcesOf(stack, "databricks_aws_crossaccount_policy")).toEqual([
      {
        policy_type: "restricted",
        aws_account_id: "123456789012",
        region: "us-east-1",
        vpc_id: "vpc-0123",
        security_group_id: "sg-0456",
      },
    ]);
    expect(resourcesOf(stack, "aws_iam_role_policy")[0]).toMatchObject({
      role: ref(addressOf(stack, "aws_iam_role"), "id"),
      policy: ref(dataAddressOf(stack, "databricks_aws_crossaccount_policy"), "json"),
    });
  });

  test("the trust policy requires the Databricks account id as external id", () => {
    expect(dataSourcesOf(stack, "databricks_aws_assume_role_policy")).toEqual([{ external_id: ACCOUNT }]);
    expect(resourcesOf(stack, "aws_iam_role")[0]).toMatchObject({
      name: "acme-data-use1-prod-crossaccount",
      assume_role_policy: ref(dataAddressOf(stack, "databricks_aws_assume_role_policy"), "json"),
    });
  });

  test("credentials wait for the role policy to propagate before Databricks validates them", () => {
    const sleep = addressOf(stack, "time_sleep");
    expect(resourcesOf(stack, "time_sleep")[0]).toEqual({
      create_duration: "30s",
      // Only the role ARN: a policy re-read at apply time must not replace the wait (and credentials).
      triggers: { role_arn: ref(addressOf(stack, "aws_iam_role"), "arn") },
      depends_on: [addressOf(stack, "aws_iam_role_policy")],
    });
    expect(resourcesOf(stack, "databricks_mws_credentials")).toEqual([
      {
        credentials_name: "acme-data-use1-prod-credentials",
        role_arn: ref(addressOf(stack, "aws_iam_role"), "arn"),
        depends_on: [sleep],
      },
    ]);
  });
});

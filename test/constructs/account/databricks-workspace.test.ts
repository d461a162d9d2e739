import { describe, expect, test } from "vitest";
import { DatabricksWorkspace, type DatabricksWorkspaceProps } from "../../../constructs/account/databricks-workspace";
import { addressOf, ref, resourcesOf, synthConstruct } from "../../utils";

const PROPS: DatabricksWorkspaceProps = {
  names: { workspace: "acme-data-euw1-prod", network: "acme-data-euw1-prod-network" },
  databricksAccountId: "3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d",
  deploymentName: "data-euw1-prod",
  awsRegion: "eu-west-1",
  pricingTier: "PREMIUM",
  credentialsId: "cred-1",
  storageConfigurationId: "storage-1",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  securityGroupIds: ["sg-1"],
  customTags: { CostCenter: "CC-1", Environment: "prod" },
  protected: true,
};

const synth = (props: DatabricksWorkspaceProps) => synthConstruct((scope) => void new DatabricksWorkspace(scope, "workspace", props));

describe("DatabricksWorkspace: network registration and the workspace", () => {
  const stack = synth(PROPS);

  test("the workspace carries name, deployment name, region, tier, ids and cost tags", () => {
    expect(resourcesOf(stack, "databricks_mws_workspaces")).toEqual([
      {
        account_id: PROPS.databricksAccountId,
        workspace_name: "acme-data-euw1-prod",
        deployment_name: "data-euw1-prod",
        aws_region: "eu-west-1",
        pricing_tier: "PREMIUM",
        credentials_id: "cred-1",
        storage_configuration_id: "storage-1",
        network_id: ref(addressOf(stack, "databricks_mws_networks"), "network_id"),
        custom_tags: { CostCenter: "CC-1", Environment: "prod" },
        lifecycle: { prevent_destroy: true },
      },
    ]);
  });

  test("the network registers the VPC, its private subnets and the security group", () => {
    expect(resourcesOf(stack, "databricks_mws_networks")).toEqual([
      {
        account_id: PROPS.databricksAccountId,
        network_name: "acme-data-euw1-prod-network",
        vpc_id: "vpc-1",
        subnet_ids: ["subnet-a", "subnet-b"],
        security_group_ids: ["sg-1"],
      },
    ]);
  });

  test("without a deployment name (no prefix on the account) the field is left out", () => {
    expect(resourcesOf(synth({ ...PROPS, deploymentName: undefined }), "databricks_mws_workspaces")[0]).not.toHaveProperty("deployment_name");
  });

  test("an unprotected workspace has no prevent_destroy", () => {
    expect(resourcesOf(synth({ ...PROPS, protected: false }), "databricks_mws_workspaces")[0]).not.toHaveProperty("lifecycle");
  });
});

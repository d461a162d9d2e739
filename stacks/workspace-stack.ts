import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import type { RegionsConfig } from "../config/schema";
import type { WorkspaceSpec } from "../lib/workspaces";
import { CrossAccountRole } from "../constructs/cross-account-role";
import { DatabricksWorkspace } from "../constructs/databricks-workspace";
import { RootBucket } from "../constructs/root-bucket";
import { WorkspaceNetwork } from "../constructs/workspace-network";
import { awsProvider, databricksAccountProvider } from "./providers";
import { configureStateBackend } from "./state-backend";

/**
 * One Databricks workspace on AWS: its VPC, root bucket, cross-account role and the account-level
 * Databricks objects that tie them together. Named `<company>-<domain>-<region code>-<env>`.
 */
export class WorkspaceStack extends TerraformStack {
  public readonly workspace: DatabricksWorkspace;

  constructor(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec) {
    super(scope, spec.names.stack);
    const { names } = spec;
    configureStateBackend(this, config.state, names.stack);
    awsProvider(this, spec.awsRegion, spec.tags);
    databricksAccountProvider(this, config.databricksAccountId);
    new TimeProvider(this, "time");

    const network = new WorkspaceNetwork(this, "network", {
      names,
      awsRegion: spec.awsRegion,
      vpcCidr: spec.vpcCidr,
      subnets: spec.subnets,
      natGateways: spec.settings.natGateways,
      flowLogRetentionDays: config.network.flowLogRetentionDays,
    });
    const rootBucket = new RootBucket(this, "root-bucket", {
      bucketName: names.rootBucket,
      storageConfigurationName: names.storageConfiguration,
      databricksAccountId: config.databricksAccountId,
    });
    const crossAccount = new CrossAccountRole(this, "cross-account", {
      roleName: names.crossAccountRole,
      credentialsName: names.credentials,
      databricksAccountId: config.databricksAccountId,
      awsAccountId: config.awsAccountId,
      awsRegion: spec.awsRegion,
      vpcId: network.vpc.id,
      securityGroupId: network.securityGroup.securityGroup.id,
    });
    this.workspace = new DatabricksWorkspace(this, "workspace", {
      databricksAccountId: config.databricksAccountId,
      workspaceName: names.workspace,
      deploymentName: names.deployment,
      networkName: names.network,
      awsRegion: spec.awsRegion,
      pricingTier: config.pricingTier,
      credentialsId: crossAccount.credentials.credentialsId,
      storageConfigurationId: rootBucket.storageConfiguration.storageConfigurationId,
      vpcId: network.vpc.id,
      subnetIds: network.privateSubnets.map((subnet) => subnet.id),
      securityGroupIds: [network.securityGroup.securityGroup.id],
      customTags: spec.tags,
      protected: spec.settings.protected,
    });
    new TerraformOutput(this, "workspace_id", { value: this.workspace.workspace.workspaceId });
    new TerraformOutput(this, "workspace_url", { value: this.workspace.workspace.workspaceUrl });
  }
}

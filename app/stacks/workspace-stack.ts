import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import type { RegionsConfig } from "../../config/schema/regions";
import type { WorkspaceSpec } from "../../domain/workspaces";
import { CrossAccountRole } from "../../constructs/aws/cross-account-role";
import { DatabricksWorkspace } from "../../constructs/account/databricks-workspace";
import { RootBucket } from "../../constructs/aws/root-bucket";
import { BackendPrivateLink } from "../../constructs/aws/backend-private-link";
import { WorkspaceAccess } from "../../constructs/account/workspace-access";
import { WorkspaceKeys } from "../../constructs/aws/workspace-keys";
import { WorkspaceServicePrincipal } from "../../constructs/account/workspace-service-principal";
import { MetastoreAttachment } from "../../constructs/account/metastore-attachment";
import type { AccountStack } from "./account-stack";
import { WorkspaceNetwork } from "../../constructs/aws/workspace-network";
import { awsProvider, databricksAccountProvider } from "./providers";
import { configureStateBackend } from "./state-backend";

/**
 * One Databricks workspace on AWS: its VPC, root bucket, cross-account role and the account-level
 * Databricks objects that tie them together. Named `<company>-<domain>-<region code>-<env>`.
 */
export class WorkspaceStack extends TerraformStack {
  public readonly workspace: DatabricksWorkspace;
  public readonly access: WorkspaceAccess;
  /** Service principal role (e.g. `airflow`) → the principal created for this workspace. */
  public readonly servicePrincipals: ReadonlyMap<string, WorkspaceServicePrincipal>;

  constructor(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec, account: AccountStack) {
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
      legacyHiveMetastore: spec.settings.legacyAccess,
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
    const keys = spec.customerManagedKeys
      ? new WorkspaceKeys(this, "keys", {
          names,
          databricksAccountId: config.databricksAccountId,
          awsAccountId: config.awsAccountId,
          awsRegion: spec.awsRegion,
          crossAccountRoleArn: crossAccount.role.arn,
        })
      : undefined;
    const rootBucket = new RootBucket(this, "root-bucket", {
      bucketName: names.rootBucket,
      storageConfigurationName: names.storageConfiguration,
      databricksAccountId: config.databricksAccountId,
      storageKeyArn: keys?.storageKeyArn,
    });
    const privateLink = spec.privateLink
      ? new BackendPrivateLink(this, "private-link", {
          names,
          databricksAccountId: config.databricksAccountId,
          awsRegion: spec.awsRegion,
          vpcId: network.vpc.id,
          subnets: spec.subnets.privateLinkSubnets,
          workspaceSecurityGroupId: network.securityGroup.securityGroup.id,
        })
      : undefined;
    this.workspace = new DatabricksWorkspace(this, "workspace", {
      databricksAccountId: config.databricksAccountId,
      workspaceName: names.workspace,
      deploymentName: spec.deploymentName,
      networkName: names.network,
      awsRegion: spec.awsRegion,
      pricingTier: spec.pricingTier,
      credentialsId: crossAccount.credentials.credentialsId,
      storageConfigurationId: rootBucket.storageConfiguration.storageConfigurationId,
      vpcId: network.vpc.id,
      subnetIds: network.privateSubnets.map((subnet) => subnet.id),
      securityGroupIds: [network.securityGroup.securityGroup.id],
      customTags: spec.tags,
      protected: spec.settings.protected,
      keys: keys && { managedServices: keys.managedServicesKeyId, storage: keys.storageKeyId },
      privateLink,
    });
    const workspaceId = this.workspace.workspace.workspaceId;
    const workspaceUrl = this.workspace.workspace.workspaceUrl;

    const metastore = new MetastoreAttachment(this, "metastore", {
      metastoreId: account.metastoreId(spec.awsRegion),
      workspaceId,
    });
    this.access = new WorkspaceAccess(this, "access", {
      workspaceId,
      assignAfter: metastore.identityFederationReady,
      environment: spec.environment,
      groups: config.groups,
      ownedGroupIds: account.ownedGroupIds,
      alsoNeeded: config.servicePrincipals.flatMap((principal) => principal.groups),
    });
    this.servicePrincipals = new Map(
      config.servicePrincipals.map((principal) => [
        principal.name,
        new WorkspaceServicePrincipal(this, `service-principal-${principal.name}`, {
          displayName: names.servicePrincipal(principal.name),
          description: principal.description,
          workspaceId,
          workspaceUrl,
          assignAfter: metastore.identityFederationReady,
          memberships: principal.groups.map((group) => ({ group, groupId: this.access.groupId(group) })),
          secretName: names.servicePrincipalSecret(principal.name),
          secretRotationDays: principal.secretRotationDays,
        }),
      ]),
    );

    new TerraformOutput(this, "workspace_id", { value: this.workspace.workspace.workspaceId });
    new TerraformOutput(this, "workspace_url", { value: this.workspace.workspace.workspaceUrl });
  }
}

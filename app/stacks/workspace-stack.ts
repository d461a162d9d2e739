import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import type { RegionsConfig } from "../../config/schema/regions";
import { groupAssignments } from "../../domain/identity";
import { withKeptNames } from "../../domain/naming";
import { aclPrincipal } from "../../domain/platform-facts";
import type { WorkspaceSpec } from "../../domain/workspaces";
import { BackendPrivateLink } from "../../constructs/aws/backend-private-link";
import { CrossAccountRole } from "../../constructs/aws/cross-account-role";
import { RootBucket } from "../../constructs/aws/root-bucket";
import { WorkspaceKeys } from "../../constructs/aws/workspace-keys";
import { WorkspaceNetwork } from "../../constructs/aws/workspace-network";
import { DatabricksWorkspace } from "../../constructs/account/databricks-workspace";
import { MetastoreAttachment } from "../../constructs/account/metastore-attachment";
import { ServerlessBudgetPolicy } from "../../constructs/account/serverless-budget-policy";
import { WorkspaceAccess } from "../../constructs/account/workspace-access";
import { WorkspaceServicePrincipal } from "../../constructs/account/workspace-service-principal";
import type { AccountStack } from "./account-stack";
import { awsProvider, databricksAccountProvider } from "./providers";
import { markLifecycle } from "./lifecycle-marker";
import { configureStateBackend, type StateBackend } from "./state-backend";

/**
 * One Databricks workspace on AWS: its VPC, root bucket, cross-account role and the account-level
 * Databricks objects that tie them together, down to the budget policy that tags its serverless
 * compute. Named `<company>-<domain>-<region code>-<env>`.
 */
export class WorkspaceStack extends TerraformStack {
  public readonly workspaceId: number;
  /** What the workspace's config stack points its provider at. */
  public readonly workspaceUrl: string;
  private readonly access: WorkspaceAccess;
  /** Service principal role (e.g. `airflow`) → the principal created for this workspace. */
  private readonly servicePrincipals: ReadonlyMap<string, WorkspaceServicePrincipal>;

  constructor(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec, account: AccountStack, backend: StateBackend) {
    super(scope, spec.names.stack);
    const { names, adoption } = spec;
    configureStateBackend(this, backend, names.stack);
    markLifecycle(this, spec, { adoption: true });
    // An adopted workspace keeps the names it has (renaming replaces); new objects get the convention's.
    const kept = adoption ? withKeptNames(names, adoption.kept) : names;
    const imports = adoption?.importIds;
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
      existing: imports?.network && { vpcId: imports.network.vpc, privateSubnetIds: imports.network.privateSubnets, securityGroupId: imports.network.securityGroup },
    });
    const crossAccount = new CrossAccountRole(this, "cross-account", {
      names: kept,
      databricksAccountId: config.databricksAccountId,
      awsAccountId: config.awsAccountId,
      awsRegion: spec.awsRegion,
      vpcId: network.vpcId,
      securityGroupId: network.securityGroupId,
      existing: imports && { role: imports.crossAccountRole !== undefined, credentials: imports.credentials },
    });
    const keys = spec.customerManagedKeys
      ? new WorkspaceKeys(this, "keys", {
          names,
          databricksAccountId: config.databricksAccountId,
          awsAccountId: config.awsAccountId,
          awsRegion: spec.awsRegion,
          crossAccountRoleArn: crossAccount.roleArn,
        })
      : undefined;
    const rootBucket = new RootBucket(this, "root-bucket", {
      names: kept,
      databricksAccountId: config.databricksAccountId,
      storageKeyArn: keys?.storageKeyArn,
      existing: imports && { bucket: imports.rootBucket !== undefined, storageConfiguration: imports.storageConfiguration },
      preventDestroy: !spec.decommissioning,
    });
    const privateLink = spec.privateLink
      ? new BackendPrivateLink(this, "private-link", {
          names,
          databricksAccountId: config.databricksAccountId,
          awsRegion: spec.awsRegion,
          vpcId: network.vpcId,
          subnets: spec.subnets.privateLinkSubnets,
          workspaceSecurityGroupId: network.securityGroupId,
        })
      : undefined;
    const workspace = new DatabricksWorkspace(this, "workspace", {
      names: kept,
      databricksAccountId: config.databricksAccountId,
      deploymentName: spec.deploymentName,
      awsRegion: spec.awsRegion,
      pricingTier: spec.pricingTier,
      credentialsId: crossAccount.credentialsId,
      storageConfigurationId: rootBucket.storageConfigurationId,
      vpcId: network.vpcId,
      subnetIds: [...network.privateSubnetIds],
      securityGroupIds: [network.securityGroupId],
      customTags: spec.tags,
      // A decommissioned region's workspaces go with `cdktf destroy`; an adopted one is always kept
      // from destruction: a wrong `adopt` then fails the plan instead of replacing the workspace.
      protected: !spec.decommissioning && (spec.settings.protected || imports !== undefined),
      existing: imports && { workspace: imports.workspace, network: imports.network?.registration },
      keys: keys && { managedServices: keys.managedServicesKeyId, storage: keys.storageKeyId },
      privateLink,
    });
    this.workspaceId = workspace.workspaceId;
    this.workspaceUrl = workspace.workspaceUrl;

    const metastore = new MetastoreAttachment(this, "metastore", {
      metastoreId: account.metastoreId(spec.awsRegion),
      workspaceId: this.workspaceId,
      existingAssignment: imports?.metastoreAssignment,
    });
    const assignments = groupAssignments(config.groups, spec.environment);
    this.access = new WorkspaceAccess(this, "access", {
      workspaceId: this.workspaceId,
      assignAfter: metastore.identityFederationReady,
      assignments,
      ownedGroupIds: account.ownedGroupIds,
      alsoNeeded: config.servicePrincipals.flatMap((principal) => principal.groups),
    });
    this.servicePrincipals = new Map(
      config.servicePrincipals.map((principal) => [
        principal.name,
        new WorkspaceServicePrincipal(this, `service-principal-${principal.name}`, {
          names,
          role: principal.name,
          description: principal.description,
          workspaceId: this.workspaceId,
          workspaceUrl: this.workspaceUrl,
          assignAfter: metastore.identityFederationReady,
          memberships: principal.groups.map((group) => ({ group, groupId: this.access.groupId(group) })),
          secretRotationDays: principal.secretRotationDays,
        }),
      ]),
    );

    // Everyone who works in the workspace may put serverless work on its budget policy, so it carries
    // the cost tags; the workspace's admins manage it.
    new ServerlessBudgetPolicy(this, "budget-policy", {
      names,
      databricksAccountId: config.databricksAccountId,
      workspaceId: this.workspaceId,
      tags: spec.tags,
      users: [
        ...assignments.map(({ group }) => aclPrincipal.group(group)),
        ...[...this.servicePrincipals.values()].map((principal) => aclPrincipal.servicePrincipal(principal.applicationId)),
      ],
      managers: assignments.filter(({ role }) => role === "admin").map(({ group }) => aclPrincipal.group(group)),
    });

    new TerraformOutput(this, "workspace_id", { value: this.workspaceId });
    new TerraformOutput(this, "workspace_url", { value: this.workspaceUrl });
  }

  /** The account id of a group used in this workspace. */
  groupId(name: string): string {
    return this.access.groupId(name);
  }

  /** The ids of this workspace's service principal for a role such as `airflow`. */
  servicePrincipal(role: string): { readonly id: string; readonly applicationId: string } {
    const principal = this.servicePrincipals.get(role);
    if (!principal) throw new Error(`no service principal ${role} in ${this.node.id}`);
    return { id: principal.servicePrincipalId, applicationId: principal.applicationId };
  }
}

import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { PrincipalsConfig, RegionsConfig } from "../../config/schema/regions";
import { ClusterPolicies } from "../../constructs/workspace/cluster-policies";
import { LegacyAccessSettings } from "../../constructs/workspace/legacy-access-settings";
import type { Grantees } from "../../constructs/workspace/grantees";
import { SqlWarehouse } from "../../constructs/workspace/sql-warehouse";
import { roleIn } from "../../constructs/account/workspace-access";
import { WorkspaceEntitlements } from "../../constructs/workspace/workspace-entitlements";
import { DataDatabricksGroup } from "@cdktf/provider-databricks/lib/data-databricks-group";
import { ALL_USERS_GROUP } from "../../domain/platform-facts";
import type { WorkspaceSpec } from "../../domain/workspaces";
import { databricksWorkspaceProvider } from "./providers";
import { configureStateBackend } from "./state-backend";
import type { WorkspaceStack } from "./workspace-stack";

/**
 * What lives inside one workspace (entitlements, cluster policies, SQL warehouses), applied
 * through a provider whose host is the workspace URL. The provider guide asks to keep creating a
 * workspace and configuring it in separate configurations; the URL arrives by cross-stack reference.
 */
export class ConfigStack extends TerraformStack {
  constructor(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec, workspace: WorkspaceStack) {
    super(scope, spec.names.configStack);
    configureStateBackend(this, config.state, spec.names.configStack);
    databricksWorkspaceProvider(this, workspace.workspace.workspace.workspaceUrl);

    const groups = config.groups
      .filter((group) => roleIn(group, spec.environment) !== "none")
      .map((group) => ({
        name: group.name,
        kind: "group" as const,
        id: workspace.access.groupId(group.name),
        entitlements: group.entitlements,
      }));
    const servicePrincipals = config.servicePrincipals.map((principal) => ({
      name: principal.name,
      kind: "servicePrincipal" as const,
      id: workspace.servicePrincipals.get(principal.name)!.servicePrincipal.id,
      entitlements: principal.entitlements,
    }));
    // The built-in users group holds every principal of the workspace, and entitlements add up across
    // groups: left alone, its default workspace and SQL access would reach everyone, whatever their
    // own group says (analysts' workspaceAccess: false would not hold). It gets exactly regions.yaml's.
    const allUsers = {
      name: ALL_USERS_GROUP,
      kind: "group" as const,
      id: new DataDatabricksGroup(this, "all-users", { displayName: ALL_USERS_GROUP }).id,
      entitlements: config.allUsersEntitlements,
    };
    new WorkspaceEntitlements(this, "entitlements", { principals: [allUsers, ...groups, ...servicePrincipals] });
    if (!spec.settings.legacyAccess) new LegacyAccessSettings(this, "legacy-access");

    // A principal that is not assigned to this workspace cannot hold a permission in it: grants to
    // a group whose role here is `none` are left out rather than failing the apply.
    const assigned = new Set(groups.map((group) => group.name));
    const grantees = (principals: PrincipalsConfig): Grantees => ({
      groupNames: principals.groups.filter((group) => assigned.has(group)),
      servicePrincipalApplicationIds: principals.servicePrincipals.map(
        (name) => workspace.servicePrincipals.get(name)!.servicePrincipal.applicationId,
      ),
    });
    new ClusterPolicies(this, "cluster-policies", {
      names: spec.names,
      policies: config.clusterPolicies,
      enforcement: { tags: spec.tags, limits: spec.settings.clusters },
      canUse: (policy) => grantees(policy.canUse),
    });
    for (const warehouse of config.warehouses) {
      const sizing = warehouse.sizing[spec.environment];
      new SqlWarehouse(this, `warehouse-${warehouse.name}`, {
        name: spec.names.warehouse(warehouse.name),
        clusterSize: sizing.clusterSize,
        maxClusters: sizing.maxClusters,
        autoStopMinutes: sizing.autoStopMinutes,
        tags: spec.tags,
        canUse: grantees(warehouse.permissions.canUse),
        canManage: grantees(warehouse.permissions.canManage),
      });
    }
  }
}

import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { DataDatabricksGroup } from "@cdktf/provider-databricks/lib/data-databricks-group";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import type { PrincipalsConfig, RegionsConfig } from "../../config/schema/regions";
import { groupAssignments } from "../../domain/identity";
import { accountResourceNames } from "../../domain/naming";
import { ALL_USERS_GROUP } from "../../domain/platform-facts";
import { enforcePolicy } from "../../domain/policy-enforcement";
import { serializeDashboard, spendDashboard } from "../../domain/spend-dashboard";
import type { WorkspaceSpec } from "../../domain/workspaces";
import { ClusterPolicies } from "../../constructs/workspace/cluster-policies";
import type { Grantees } from "../../constructs/workspace/grantees";
import { LegacyAccessSettings } from "../../constructs/workspace/legacy-access-settings";
import { SpendDashboard } from "../../constructs/workspace/spend-dashboard";
import { SqlWarehouse } from "../../constructs/workspace/sql-warehouse";
import { SystemSchemas } from "../../constructs/workspace/system-schemas";
import { WorkspaceEntitlements } from "../../constructs/workspace/workspace-entitlements";
import { buildDataLayer, type RegionStacks } from "./data-layer";
import { awsProvider, databricksWorkspaceProvider } from "./providers";
import { markLifecycle } from "./lifecycle-marker";
import { configureStateBackend, type StateBackend } from "./state-backend";
import type { WorkspaceStack } from "./workspace-stack";

/**
 * What lives inside one workspace (entitlements, cluster policies, SQL warehouses, its catalog and
 * the data it may reach; the region's system schemas and the spend dashboard where this workspace
 * hosts them), applied through a provider whose host is the workspace URL. The provider guide asks
 * to keep creating a workspace and configuring it in separate configurations; the URL arrives by
 * cross-stack reference.
 *
 * It has an AWS provider too: a Unity Catalog storage credential is created in the workspace before
 * the IAM role it names, whose trust needs the credential's external id (databricks provider
 * docs/guides/unity-catalog.md (v1.99)), so credential and role live in one stack, in that order.
 */
export class ConfigStack extends TerraformStack {
  constructor(scope: Construct, config: RegionsConfig, spec: WorkspaceSpec, workspace: WorkspaceStack, backend: StateBackend, region: RegionStacks) {
    super(scope, spec.names.configStack);
    configureStateBackend(this, backend, spec.names.configStack);
    markLifecycle(this, spec, { adoption: false });
    databricksWorkspaceProvider(this, workspace.workspaceUrl);
    awsProvider(this, spec.awsRegion, spec.tags);
    new TimeProvider(this, "time");

    const entitlementsOf = new Map(config.groups.map((group) => [group.name, group.entitlements]));
    const groups = groupAssignments(config.groups, spec.environment).map(({ group }) => ({
      name: group,
      kind: "group" as const,
      id: workspace.groupId(group),
      entitlements: entitlementsOf.get(group)!,
    }));
    const servicePrincipals = config.servicePrincipals.map((principal) => ({
      name: principal.name,
      kind: "servicePrincipal" as const,
      id: workspace.servicePrincipal(principal.name).id,
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
    // a group with no role here are left out rather than failing the apply.
    const assigned = new Set(groups.map((group) => group.name));
    const grantees = (principals: PrincipalsConfig): Grantees => ({
      groupNames: principals.groups.filter((group) => assigned.has(group)),
      servicePrincipalApplicationIds: principals.servicePrincipals.map((role) => workspace.servicePrincipal(role).applicationId),
    });
    const enforcement = { tags: spec.tags, limits: spec.settings.clusters };
    new ClusterPolicies(this, "cluster-policies", {
      names: spec.names,
      // Conflicts were rejected at the config boundary; here the merge only applies the values.
      policies: config.clusterPolicies.map((policy) => ({
        name: policy.name,
        description: policy.description,
        definitionJson: JSON.stringify(enforcePolicy(policy.definition, enforcement).definition),
        canUse: grantees(policy.canUse),
      })),
    });
    const warehouseIds = new Map<string, string>();
    for (const warehouse of config.warehouses) {
      const sizing = warehouse.sizing[spec.environment];
      const { warehouseId } = new SqlWarehouse(this, `warehouse-${warehouse.name}`, {
        names: spec.names,
        warehouse: warehouse.name,
        clusterSize: sizing.clusterSize,
        maxClusters: sizing.maxClusters,
        autoStopMinutes: sizing.autoStopMinutes,
        tags: spec.tags,
        canUse: grantees(warehouse.permissions.canUse),
        canManage: grantees(warehouse.permissions.canManage),
      });
      warehouseIds.set(warehouse.name, warehouseId);
    }

    // System schemas belong to the region's metastore: one stack per region declares them.
    if (spec.ownsRegionMetastore && config.spend.systemSchemas.length) {
      new SystemSchemas(this, "system-schemas", { schemas: config.spend.systemSchemas });
    }
    const dashboard = config.spend.dashboard;
    if (spec.hostsSpendDashboard && dashboard) {
      // Validation guarantees a warehouse: the one named, else the first.
      const warehouse = dashboard.warehouse ?? config.warehouses[0].name;
      new SpendDashboard(this, "spend-dashboard", {
        names: accountResourceNames(config),
        warehouseId: warehouseIds.get(warehouse)!,
        serializedDashboard: serializeDashboard(spendDashboard(Object.keys(spec.tags))),
        viewerGroups: dashboard.viewers,
      });
    }
    buildDataLayer(this, config, spec, region);
  }
}

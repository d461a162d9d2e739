import { Construct } from "constructs";
import { Entitlements } from "@cdktf/provider-databricks/lib/entitlements";

/** What a principal may do in the workspace (regions.yaml `entitlements`). */
export interface EntitlementFlags {
  readonly workspaceAccess: boolean;
  readonly sqlAccess: boolean;
  readonly clusterCreate: boolean;
}

export interface EntitledPrincipal {
  /** Stable key for the construct id, e.g. the group or role name. */
  readonly name: string;
  readonly kind: "group" | "servicePrincipal";
  readonly id: string;
  readonly entitlements: EntitlementFlags;
}

export interface WorkspaceEntitlementsProps {
  readonly principals: readonly EntitledPrincipal[];
}

/**
 * Entitlements inside one workspace for the account groups and service principals assigned to it,
 * and for the built-in users group. Assignment alone gives no access (provider issue #4925):
 * workspace and SQL access are set here. Each resource replaces the principal's entitlements with
 * exactly these (the provider patches with op "replace", scim/resource_entitlement.go v1.99).
 */
export class WorkspaceEntitlements extends Construct {
  constructor(scope: Construct, id: string, props: WorkspaceEntitlementsProps) {
    super(scope, id);
    for (const principal of props.principals) {
      new Entitlements(this, `${principal.kind}-${principal.name}`, {
        ...(principal.kind === "group" ? { groupId: principal.id } : { servicePrincipalId: principal.id }),
        workspaceAccess: principal.entitlements.workspaceAccess,
        databricksSqlAccess: principal.entitlements.sqlAccess,
        allowClusterCreate: principal.entitlements.clusterCreate,
      });
    }
  }
}

import { Construct } from "constructs";
import { Token, type ITerraformDependable } from "cdktf";
import { DataDatabricksGroup } from "@cdktf/provider-databricks/lib/data-databricks-group";
import { MwsPermissionAssignment } from "@cdktf/provider-databricks/lib/mws-permission-assignment";
import type { GroupConfig } from "../../config/schema/regions";
import { WORKSPACE_PERMISSIONS } from "../../domain/platform-facts";

export interface WorkspaceAccessProps {
  readonly workspaceId: number;
  readonly environment: string;
  readonly groups: readonly GroupConfig[];
  /** Ids of groups the account stack creates; every other group is SCIM-owned and looked up. */
  readonly ownedGroupIds: ReadonlyMap<string, string>;
  /** Groups needed here besides those with a role, e.g. groups a service principal joins. */
  readonly alsoNeeded?: readonly string[];
  /**
   * What the permission assignments wait for: identity federation, which the metastore assignment
   * turns on (constructs/account/metastore-attachment.ts).
   * @default nothing
   */
  readonly assignAfter?: ITerraformDependable[];
}

/**
 * Which account groups may enter one workspace, and as what. SCIM groups are looked up by name
 * (never created: the IdP owns them); a group whose role here is `none` gets nothing.
 */
export class WorkspaceAccess extends Construct {
  private readonly groupIds = new Map<string, string>();

  constructor(scope: Construct, id: string, props: WorkspaceAccessProps) {
    super(scope, id);
    const assigned = props.groups.filter((group) => roleIn(group, props.environment) !== "none");
    const needed = new Set([...assigned.map((group) => group.name), ...(props.alsoNeeded ?? [])]);
    for (const name of needed) {
      const owned = props.ownedGroupIds.get(name);
      this.groupIds.set(name, owned ?? new DataDatabricksGroup(this, `scim-${name}`, { displayName: name }).id);
    }
    for (const group of assigned) {
      const role = roleIn(group, props.environment) as keyof typeof WORKSPACE_PERMISSIONS;
      new MwsPermissionAssignment(this, `assign-${group.name}`, {
        workspaceId: props.workspaceId,
        principalId: Token.asNumber(this.groupId(group.name)),
        permissions: [WORKSPACE_PERMISSIONS[role]],
        dependsOn: props.assignAfter,
      });
    }
  }

  groupId(name: string): string {
    const id = this.groupIds.get(name);
    if (id === undefined) throw new Error(`group ${name} is not used in this workspace`);
    return id;
  }
}

export function roleIn(group: GroupConfig, environment: string): "none" | "user" | "admin" {
  return group.roles[environment] ?? "none";
}

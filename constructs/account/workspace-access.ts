import { Construct } from "constructs";
import { Token, type ITerraformDependable } from "cdktf";
import { DataDatabricksGroup } from "@cdktf/provider-databricks/lib/data-databricks-group";
import { MwsPermissionAssignment } from "@cdktf/provider-databricks/lib/mws-permission-assignment";
import { WORKSPACE_PERMISSIONS } from "../../domain/platform-facts";

export interface WorkspaceAccessProps {
  readonly workspaceId: number;
  /** Account groups that enter this workspace (by display name), and as what. */
  readonly assignments: readonly { readonly group: string; readonly role: keyof typeof WORKSPACE_PERMISSIONS }[];
  /** Ids of groups the account stack creates; every other group is SCIM-owned and looked up. */
  readonly ownedGroupIds: ReadonlyMap<string, string>;
  /**
   * Groups needed here besides the assigned ones, e.g. groups a service principal joins.
   * @default none
   */
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
 * (never created: the IdP owns them); a group with no role here gets nothing.
 */
export class WorkspaceAccess extends Construct {
  private readonly groupIds = new Map<string, string>();

  constructor(scope: Construct, id: string, props: WorkspaceAccessProps) {
    super(scope, id);
    const needed = new Set([...props.assignments.map(({ group }) => group), ...(props.alsoNeeded ?? [])]);
    for (const name of needed) {
      const owned = props.ownedGroupIds.get(name);
      this.groupIds.set(name, owned ?? new DataDatabricksGroup(this, `scim-${name}`, { displayName: name }).id);
    }
    for (const { group, role } of props.assignments) {
      new MwsPermissionAssignment(this, `assign-${group}`, {
        workspaceId: props.workspaceId,
        principalId: Token.asNumber(this.groupId(group)),
        permissions: [WORKSPACE_PERMISSIONS[role]],
        dependsOn: props.assignAfter,
      });
    }
  }

  /** The account id of a group used in this workspace (assigned, or needed by a service principal). */
  groupId(name: string): string {
    const id = this.groupIds.get(name);
    if (id === undefined) throw new Error(`group ${name} is not used in this workspace`);
    return id;
  }
}

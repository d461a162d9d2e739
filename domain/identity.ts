/**
 * Who gets into a workspace, derived from regions.yaml's groups: a group's role is set per
 * environment, and an environment it leaves out means no role there.
 */
import type { GroupConfig } from "../config/schema/regions";

export type WorkspaceRole = "none" | "user" | "admin";

export function roleIn(group: Pick<GroupConfig, "roles">, environment: string): WorkspaceRole {
  return group.roles[environment] ?? "none";
}

/** The groups assigned to an environment's workspaces, with their role there. */
export function groupAssignments(groups: readonly GroupConfig[], environment: string): { group: string; role: "user" | "admin" }[] {
  return groups.flatMap((group) => {
    const role = roleIn(group, environment);
    return role === "none" ? [] : [{ group: group.name, role }];
  });
}

import type { PermissionsAccessControl } from "@cdktf/provider-databricks/lib/permissions";

/** Principals a permission is granted to: group display names and service principal application ids. */
export interface Grantees {
  readonly groupNames: readonly string[];
  readonly servicePrincipalApplicationIds: readonly string[];
}

/** `databricks_permissions` access-control entries granting `level` to every grantee. */
export function accessControl(grantees: Grantees, level: string): PermissionsAccessControl[] {
  return [
    ...grantees.groupNames.map((groupName) => ({ groupName, permissionLevel: level })),
    ...grantees.servicePrincipalApplicationIds.map((servicePrincipalName) => ({ servicePrincipalName, permissionLevel: level })),
  ];
}

/** regions.yaml: who gets into each workspace, with which role, and the service principals. */
import { z } from "./zod";
import { ALL_USERS_ENTITLEMENT_DEFAULTS, ENTITLEMENT_DEFAULTS, GROUP_DEFAULTS, SERVICE_PRINCIPAL_DEFAULTS } from "../defaults";
import { SERVICE_PRINCIPAL_SECRET_LIFETIME_DAYS, UC_PRIVILEGES } from "../../domain/platform-facts";

export const Entitlements = z
  .strictObject({
    workspaceAccess: z
      .boolean()
      .default(ENTITLEMENT_DEFAULTS.workspaceAccess)
      .meta({ description: "Use the workspace UI, notebooks and jobs." }),
    sqlAccess: z
      .boolean()
      .default(ENTITLEMENT_DEFAULTS.sqlAccess)
      .meta({ description: "Use Databricks SQL and warehouses." }),
    clusterCreate: z
      .boolean()
      .default(ENTITLEMENT_DEFAULTS.clusterCreate)
      .meta({ description: "Unrestricted cluster creation; off so clusters come from policies." }),
  })
  .meta({ description: "Workspace entitlements, set in every workspace where the principal has a role." });

export const AllUsersEntitlements = z
  .strictObject({
    workspaceAccess: z
      .boolean()
      .default(ALL_USERS_ENTITLEMENT_DEFAULTS.workspaceAccess)
      .meta({ description: "Everyone may use the workspace UI, notebooks and jobs." }),
    sqlAccess: z
      .boolean()
      .default(ALL_USERS_ENTITLEMENT_DEFAULTS.sqlAccess)
      .meta({ description: "Everyone may use Databricks SQL and warehouses." }),
    clusterCreate: z
      .boolean()
      .default(ALL_USERS_ENTITLEMENT_DEFAULTS.clusterCreate)
      .meta({ description: "Everyone may create clusters without a policy." }),
  })
  .meta({
    description:
      "Entitlements of the built-in users group (every principal in a workspace), set in every workspace. Default nothing: entitlements add up across groups, so what users has, everyone has.",
  });

export const WorkspaceRole = z
  .enum(["none", "user", "admin"])
  .meta({ description: "none: not assigned; user: USER; admin: ADMIN (workspace admin)." });

export const groupName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/, {
    error: "expected a group name: letters, digits, spaces, . _ - (1-100 characters)",
  });

export const Group = z.strictObject({
  name: groupName.meta({ description: "Account group display name, exactly as the identity provider pushes it." }),
  source: z
    .enum(["scim", "terraform"])
    .default(GROUP_DEFAULTS.source)
    .meta({ description: "scim: pushed by the identity provider, looked up, never created; terraform: created here." }),
  roles: z
    .record(z.string(), WorkspaceRole)
    .default({})
    .meta({ description: "Role per environment name; an environment left out means none." }),
  entitlements: Entitlements.prefault({}),
});

export const servicePrincipalName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,19}$/, { error: "expected a service principal role: 2-20 lowercase letters, digits or -" });

export const ServicePrincipal = z.strictObject({
  name: servicePrincipalName.meta({ description: "Role name; the principal is `<workspace>-<name>` in each workspace." }),
  description: z.string().optional().meta({ description: "What it is for (documentation only)." }),
  groups: z
    .array(groupName)
    .default([])
    .meta({ description: "Groups it joins (account level), so it has the same access as the team it serves." }),
  entitlements: Entitlements.prefault({}),
  secretRotationDays: z
    .int()
    .min(1)
    .max(SERVICE_PRINCIPAL_SECRET_LIFETIME_DAYS / 2, {
      error: `expected at most ${SERVICE_PRINCIPAL_SECRET_LIFETIME_DAYS / 2} days (the secret expires after ${SERVICE_PRINCIPAL_SECRET_LIFETIME_DAYS}: rotating within half of that leaves the scheduled apply time to catch up)`,
    })
    .default(SERVICE_PRINCIPAL_DEFAULTS.secretRotationDays)
    .meta({ description: "Days after which the next apply replaces its OAuth secret (time_rotating); run a scheduled deploy so one comes." }),
});

export const MetastoreGrant = z
  .strictObject({
    group: groupName.meta({ description: "A group defined under groups." }),
    privileges: z
      .array(z.enum(UC_PRIVILEGES.metastore))
      .min(1, { error: "expected at least one privilege" })
      .meta({ description: "Metastore privileges, in underscore form, e.g. CREATE_CATALOG." }),
  })
  .meta({ description: "Metastore privileges of one group." });

export const UnityCatalog = z.strictObject({
  metastoreOwner: groupName
    .optional()
    .meta({ description: "Group that owns each metastore this app creates; defaults to the deploying principal. Existing metastores (regions[].metastoreId) keep their owner." }),
  metastoreGrants: z
    .array(MetastoreGrant)
    .default([])
    .meta({
      description:
        "Who may create catalogs, external locations and storage credentials in each metastore this app creates, authoritative: every other metastore grant (workspace admins' defaults included) is revoked. Existing metastores (regions[].metastoreId) are left alone. Empty: no metastore grants are managed.",
    }),
});

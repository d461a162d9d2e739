/** regions.yaml: cluster caps per environment, cluster policies, SQL warehouses, usage logs. */
import { z } from "./zod";
import { CLUSTER_DEFAULTS } from "../defaults";
import { EC2_INSTANCE_TYPE_PATTERN, WAREHOUSE_SIZES } from "../../domain/platform-facts";
import { groupName, servicePrincipalName } from "./identity";

/** Caps the app writes into every cluster policy of an environment, whatever the policy file says. */
export const ClusterLimits = z
  .strictObject({
    maxWorkers: z.int().positive().default(CLUSTER_DEFAULTS.maxWorkers).meta({ description: "Largest cluster (workers, fixed size or autoscale max)." }),
    maxDbusPerHour: z.number().positive().default(CLUSTER_DEFAULTS.maxDbusPerHour).meta({ description: "Ceiling on a cluster's DBU burn rate (`dbus_per_hour`)." }),
    autoterminationMinutes: z
      .strictObject({
        default: z.int().min(10).meta({ description: "Idle minutes before an all-purpose cluster stops, by default." }),
        max: z.int().min(10).max(10000).meta({ description: "Longest idle time a user may choose." }),
      })
      .default(CLUSTER_DEFAULTS.autoterminationMinutes)
      .meta({ description: "All-purpose clusters only: job clusters stop when their run ends." }),
    instanceTypes: z
      .array(z.string().regex(EC2_INSTANCE_TYPE_PATTERN, { error: "expected an EC2 instance type name <family>.<size> such as m6i.xlarge or r6gd.2xlarge" }))
      .min(1, { error: "expected at least one instance type" })
      .default([...CLUSTER_DEFAULTS.instanceTypes])
      .meta({ description: "Allowed worker and driver instance types." }),
  })
  .meta({ description: "Per-environment caps enforced in every cluster policy." });

const Principals = z
  .strictObject({
    groups: z.array(groupName).default([]),
    servicePrincipals: z.array(servicePrincipalName).default([]),
  })
  .meta({ description: "Groups and service principals (by role name) granted a permission." });

export const ClusterPolicy = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,29}$/, { error: "expected a policy name: 2-30 lowercase letters, digits or -" })
    .meta({ description: "Policy name; created as `<workspace>-<name>`." }),
  file: z.string().meta({ description: "Policy definition JSON, relative to this file (e.g. policies/job.json)." }),
  canUse: Principals.prefault({}).meta({ description: "Who may create clusters with the policy (CAN_USE)." }),
});

const WarehouseSizing = z.strictObject({
  clusterSize: z
    .enum(WAREHOUSE_SIZES)
    .meta({ description: "Warehouse T-shirt size." }),
  maxClusters: z.int().min(1).max(40).default(1).meta({ description: "Upper bound of autoscaling." }),
  autoStopMinutes: z
    .int()
    .min(1)
    .meta({ description: "Idle minutes before the warehouse stops (pro warehouses need ≥ 10)." }),
});

export const Warehouse = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,29}$/, { error: "expected a warehouse name: 2-30 lowercase letters, digits or -" })
    .meta({ description: "Warehouse name; created as `<workspace>-<name>`." }),
  sizing: z
    .record(z.string(), WarehouseSizing)
    .meta({ description: "Size, scaling and auto-stop per environment name; every environment needs one." }),
  permissions: z
    .strictObject({
      canUse: Principals.prefault({}),
      canManage: Principals.prefault({}),
    })
    .prefault({}),
});

export const UsageLogs = z.strictObject({
  region: z
    .string()
    .optional()
    .meta({ description: "Region of the usage-log bucket; defaults to the first region." }),
});

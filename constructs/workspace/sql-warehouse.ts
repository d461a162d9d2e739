import { Construct } from "constructs";
import { Permissions } from "@cdktf/provider-databricks/lib/permissions";
import { SqlEndpoint } from "@cdktf/provider-databricks/lib/sql-endpoint";
import { PERMISSION_LEVELS, WAREHOUSE_SPOT_POLICY, WAREHOUSE_TYPE } from "../../domain/platform-facts";
import { accessControl, type Grantees } from "./grantees";

export interface SqlWarehouseProps {
  readonly names: { readonly warehouse: (warehouse: string) => string };
  /** The warehouse as regions.yaml names it; created as `names.warehouse(warehouse)`. */
  readonly warehouse: string;
  readonly clusterSize: string;
  readonly maxClusters: number;
  readonly autoStopMinutes: number;
  /** Cost tags: they reach the warehouse's EC2 instances and the usage logs. */
  readonly tags: Readonly<Record<string, string>>;
  readonly canUse: Grantees;
  readonly canManage: Grantees;
}

/**
 * A pro SQL warehouse in the workspace VPC, on spot where possible, stopped when idle, tagged,
 * with CAN_USE / CAN_MANAGE grants (`databricks_permissions` is authoritative for the warehouse).
 */
export class SqlWarehouse extends Construct {
  public readonly warehouseId: string;

  constructor(scope: Construct, id: string, props: SqlWarehouseProps) {
    super(scope, id);
    const warehouse = new SqlEndpoint(this, "warehouse", {
      name: props.names.warehouse(props.warehouse),
      clusterSize: props.clusterSize,
      minNumClusters: 1,
      maxNumClusters: props.maxClusters,
      autoStopMins: props.autoStopMinutes,
      warehouseType: WAREHOUSE_TYPE,
      enableServerlessCompute: false,
      spotInstancePolicy: WAREHOUSE_SPOT_POLICY,
      tags: { customTags: Object.entries(props.tags).map(([key, value]) => ({ key, value })) },
    });
    this.warehouseId = warehouse.id;
    const grants = [...accessControl(props.canUse, PERMISSION_LEVELS.use), ...accessControl(props.canManage, PERMISSION_LEVELS.manage)];
    if (grants.length) new Permissions(this, "permissions", { sqlEndpointId: warehouse.id, accessControl: grants });
  }
}

import { Construct } from "constructs";
import { Dashboard } from "@cdktf/provider-databricks/lib/dashboard";
import { Permissions } from "@cdktf/provider-databricks/lib/permissions";
import { PERMISSION_LEVELS } from "../../domain/platform-facts";

/** The names the dashboard takes (domain/naming.ts accountResourceNames fits). */
export interface SpendDashboardNames {
  readonly spendDashboard: string;
  /** Workspace folder; changing it replaces the dashboard (new id, new links). */
  readonly spendDashboardFolder: string;
}

export interface SpendDashboardProps {
  readonly names: SpendDashboardNames;
  /** The SQL warehouse the dashboard's queries run on. */
  readonly warehouseId: string;
  /** The dashboard definition, as JSON text. */
  readonly serializedDashboard: string;
  /** Groups that may view it (CAN_READ); they must be assigned to the workspace. */
  readonly viewerGroups: readonly string[];
}

/**
 * The spend dashboard, published with embedded credentials, and who may view it.
 *
 * `serialized_dashboard`, not `file_path`: the provider compares the md5 of the serialized content,
 * so a changed definition shows in the plan and an edit made in the UI is detected and overwritten;
 * a file's content is not compared (dashboards/resource_dashboard.go (v1.99)).
 *
 * Embedded credentials (the provider's default, set explicitly): viewers see the dashboard's
 * aggregates with the publisher's rights, and nobody needs SELECT on system.billing. Without them,
 * every viewer group would need USE CATALOG on `system` and USE SCHEMA + SELECT on `system.billing`,
 * granted by a metastore and account admin: raw billing rows of the whole account instead of the
 * dashboard's view of them. What every viewer sees is account-wide spend, so viewers are chosen in
 * regions.yaml. Publishing runs on every create and update, and a failed publish moves the
 * dashboard to the trash (same file): the warehouse is created in the same stack, before it.
 */
export class SpendDashboard extends Construct {
  public readonly dashboardId: string;

  constructor(scope: Construct, id: string, props: SpendDashboardProps) {
    super(scope, id);
    const dashboard = new Dashboard(this, "dashboard", {
      displayName: props.names.spendDashboard,
      parentPath: props.names.spendDashboardFolder,
      warehouseId: props.warehouseId,
      serializedDashboard: props.serializedDashboard,
      embedCredentials: true,
    });
    this.dashboardId = dashboard.id;
    if (props.viewerGroups.length) {
      new Permissions(this, "viewers", {
        dashboardId: dashboard.id,
        accessControl: props.viewerGroups.map((groupName) => ({ groupName, permissionLevel: PERMISSION_LEVELS.read })),
      });
    }
  }
}

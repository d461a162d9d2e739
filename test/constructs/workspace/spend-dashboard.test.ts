import { describe, expect, test } from "vitest";
import { SpendDashboard, type SpendDashboardProps } from "../../../constructs/workspace/spend-dashboard";
import { addressOf, ref, resourcesOf, synthConstruct } from "../../utils";

const PROPS: SpendDashboardProps = {
  names: { spendDashboard: "acme-data spend", spendDashboardFolder: "/Shared/acme-data-spend" },
  warehouseId: "warehouse-1",
  serializedDashboard: '{"pages":[{"name":"spend","displayName":"Spend"}]}',
  viewerGroups: ["admins", "analysts"],
};

const synth = (props: SpendDashboardProps) => synthConstruct((scope) => void new SpendDashboard(scope, "spend-dashboard", props));

describe("SpendDashboard: published on the warehouse, readable by the viewer groups", () => {
  const stack = synth(PROPS);

  test("the dashboard: its name and folder, the warehouse, the definition, embedded credentials", () => {
    expect(resourcesOf(stack, "databricks_dashboard")).toEqual([
      {
        display_name: "acme-data spend",
        parent_path: "/Shared/acme-data-spend",
        warehouse_id: "warehouse-1",
        serialized_dashboard: PROPS.serializedDashboard,
        embed_credentials: true,
      },
    ]);
  });

  test("viewers get CAN_READ on it and nothing more", () => {
    expect(resourcesOf(stack, "databricks_permissions")).toEqual([
      {
        dashboard_id: ref(addressOf(stack, "databricks_dashboard"), "id"),
        access_control: [
          { group_name: "admins", permission_level: "CAN_READ" },
          { group_name: "analysts", permission_level: "CAN_READ" },
        ],
      },
    ]);
  });

  test("no viewers: no permissions resource (it would be authoritative and empty)", () => {
    expect(resourcesOf(synth({ ...PROPS, viewerGroups: [] }), "databricks_permissions")).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import { UnityCatalogGrants } from "../../../constructs/workspace/unity-catalog-grants";
import { resourcesOf, synthConstruct } from "../../utils";

describe("UnityCatalogGrants: every grant on one securable, or no resource at all", () => {
  test("one databricks_grants on the securable, a grant block per principal", () => {
    const stack = synthConstruct((scope) => {
      new UnityCatalogGrants(scope, "grants", {
        securable: { metastore: "11111111-2222-3333-4444-555555555555" },
        grants: [{ principal: "data-platform-admins", privileges: ["CREATE_CATALOG", "CREATE_EXTERNAL_LOCATION"] }],
      });
    });
    expect(resourcesOf(stack, "databricks_grants")).toEqual([
      {
        metastore: "11111111-2222-3333-4444-555555555555",
        grant: [{ principal: "data-platform-admins", privileges: ["CREATE_CATALOG", "CREATE_EXTERNAL_LOCATION"] }],
      },
    ]);
  });

  test("no grants: no resource (the provider reads an empty grant list as missing, and would recreate it every plan)", () => {
    const stack = synthConstruct((scope) => void new UnityCatalogGrants(scope, "grants", { securable: { catalog: "c" }, grants: [] }));
    expect(resourcesOf(stack, "databricks_grants")).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import { SystemSchemas } from "../../../constructs/workspace/system-schemas";
import { resourcesOf, synthConstruct } from "../../utils";

describe("SystemSchemas: one databricks_system_schema per schema", () => {
  test("each schema by name, nothing else set", () => {
    const stack = synthConstruct((scope) => void new SystemSchemas(scope, "system-schemas", { schemas: ["access", "compute"] }));
    expect(resourcesOf(stack, "databricks_system_schema")).toEqual([{ schema: "access" }, { schema: "compute" }]);
  });

  test("addressed by schema name: removing one leaves the others where they are", () => {
    const addresses = (schemas: string[]) =>
      Object.keys(synthConstruct((scope) => void new SystemSchemas(scope, "system-schemas", { schemas })).resource!.databricks_system_schema);
    const [, compute, lakeflow] = addresses(["access", "compute", "lakeflow"]);
    expect(addresses(["compute", "lakeflow"])).toEqual([compute, lakeflow]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { docWithFields, FIELD_REFERENCE_DOC, regionsJsonSchema, SCHEMA_FILE } from "../../cli/gen-schema";
import { shippedRegionsText } from "../utils";

describe("regions.schema.json: the editor schema comes from the same zod schema", () => {
  test("the committed schema is current (run `npm run gen:schema` after changing config/schema/regions.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(regionsJsonSchema());
  });

  test("regions.yaml points editors at it", () => {
    expect(shippedRegionsText.split("\n")[0]).toBe(`# yaml-language-server: $schema=./${SCHEMA_FILE}`);
  });

  test("the schema rejects unknown keys and requires the cost tags", () => {
    const schema = JSON.parse(regionsJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.costTags.required).toEqual(["CostCenter", "Project", "Team", "Owner"]);
  });
});

describe("docs/regions-yaml.md field reference: generated from the same schema", () => {
  test("the doc lists every regions.yaml field (run `npm run gen:schema` after a schema change)", () => {
    const doc = readFileSync(FIELD_REFERENCE_DOC, "utf8");
    expect(doc).toBe(docWithFields(doc));
    expect(doc).toContain("| `regions[].workspaces.<name>.vpcCidr` | string | required |");
  });
});

import { describe, expect, test } from "vitest";
import { placeholderFor, type Placeholder } from "./placeholders";

const policyRef = (type: string) => ({ mode: "data" as const, type, name: "x", path: ".json" });

function firstStatement(placeholder: Placeholder): Record<string, unknown> {
  if (placeholder.kind !== "policy") throw new Error(`expected a policy placeholder, got ${placeholder.kind}`);
  return (placeholder.body.statement as Record<string, unknown>[])[0];
}

describe("placeholderFor: Databricks policy data sources become policy documents of the same scope", () => {
  test("the Unity Catalog access policy covers the bucket it names, and changes with its inputs", () => {
    const placeholder = placeholderFor(policyRef("databricks_aws_unity_catalog_policy"), {
      aws_account_id: "123456789012",
      bucket_name: "acme-data-use1-prod-catalog",
      role_name: "acme-data-use1-prod-catalog",
    });
    const statement = firstStatement(placeholder);
    expect(statement.resources).toEqual(["arn:aws:s3:::acme-data-use1-prod-catalog", "arn:aws:s3:::acme-data-use1-prod-catalog/*"]);
    expect(statement).not.toHaveProperty("principals");
    expect(statement.condition).toContainEqual({ test: "StringEquals", variable: "placeholder:role_name", values: ["acme-data-use1-prod-catalog"] });
  });

  test("the Unity Catalog trust policy is an assume-role statement", () => {
    const placeholder = placeholderFor(policyRef("databricks_aws_unity_catalog_assume_role_policy"), { role_name: "r", external_id: "e" });
    expect(firstStatement(placeholder).actions).toEqual(["sts:AssumeRole"]);
  });
});

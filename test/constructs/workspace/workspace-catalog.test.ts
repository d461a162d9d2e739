import { describe, expect, test } from "vitest";
import { WorkspaceCatalog } from "../../../constructs/workspace/workspace-catalog";
import { workspaceResourceNames } from "../../../domain/naming";
import { addressOf, ref, resourcesOf, synthConstruct } from "../../utils";

const NAMES = workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "us-east-1", environment: "prod" });

function synth(isProtected: boolean) {
  return synthConstruct((scope) => {
    new WorkspaceCatalog(scope, "catalog", {
      names: NAMES,
      awsAccountId: "123456789012",
      workspaceId: 1234567890,
      grants: [{ principal: "analysts", privileges: ["USE_CATALOG", "USE_SCHEMA", "SELECT"] }],
      properties: { environment: "prod", region: "us-east-1" },
      protected: isProtected,
    });
  });
}

describe("WorkspaceCatalog: an isolated catalog with managed storage of its own", () => {
  const stack = synth(true);
  const bucket = addressOf(stack, "aws_s3_bucket");
  const location = addressOf(stack, "databricks_external_location");
  const catalog = addressOf(stack, "databricks_catalog");

  test("a protected bucket with the derived name holds the catalog's storage", () => {
    expect(resourcesOf(stack, "aws_s3_bucket")).toEqual([
      expect.objectContaining({ bucket: "acme-data-use1-prod-catalog", force_destroy: false, lifecycle: { prevent_destroy: true } }),
    ]);
    expect(resourcesOf(stack, "aws_s3_bucket_versioning")).toHaveLength(1);
    expect(resourcesOf(stack, "aws_s3_bucket_public_access_block")).toHaveLength(1);
  });

  test("the external location covers the bucket through the credential, isolated, after the IAM wait", () => {
    expect(resourcesOf(stack, "databricks_external_location")).toEqual([
      expect.objectContaining({
        name: "acme_data_use1_prod_storage",
        url: `s3://${ref(bucket, "bucket")}/`,
        credential_name: ref(addressOf(stack, "databricks_storage_credential"), "name"),
        isolation_mode: "ISOLATION_MODE_ISOLATED",
        read_only: false,
        fallback: false,
        depends_on: [addressOf(stack, "time_sleep")],
      }),
    ]);
    expect(resourcesOf(stack, "aws_iam_role")[0]).toMatchObject({ name: "acme-data-use1-prod-catalog" });
  });

  test("the catalog is ISOLATED, a SQL identifier, stores into the location, and refuses deletion where protected", () => {
    expect(resourcesOf(stack, "databricks_catalog")).toEqual([
      {
        name: "acme_data_use1_prod",
        storage_root: ref(location, "url"),
        isolation_mode: "ISOLATED",
        comment: "The catalog of workspace acme-data-use1-prod, reachable from it alone",
        properties: { environment: "prod", region: "us-east-1" },
        lifecycle: { prevent_destroy: true },
      },
    ]);
    expect(resourcesOf(synth(false), "databricks_catalog")[0]).not.toHaveProperty("lifecycle");
  });

  test("bound to its own workspace only, and granted authoritatively", () => {
    expect(resourcesOf(stack, "databricks_workspace_binding")).toEqual([
      { securable_name: ref(catalog, "name"), securable_type: "catalog", workspace_id: 1234567890, binding_type: "BINDING_TYPE_READ_WRITE" },
    ]);
    expect(resourcesOf(stack, "databricks_grants")).toEqual([
      { catalog: ref(catalog, "name"), grant: [{ principal: "analysts", privileges: ["USE_CATALOG", "USE_SCHEMA", "SELECT"] }] },
    ]);
  });
});

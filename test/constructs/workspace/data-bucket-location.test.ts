import { describe, expect, test } from "vitest";
import { DataBucketLocation } from "../../../constructs/workspace/data-bucket-location";
import { addressOf, ref, resourcesOf, synthConstruct } from "../../utils";

function synth(readOnly: boolean) {
  return synthConstruct((scope) => {
    new DataBucketLocation(scope, "landing", {
      names: { role: "acme-data-use1-lake-landing", location: "acme_data_use1_lake_landing" },
      awsAccountId: "123456789012",
      bucketName: "acme-landing-use1",
      prefix: "events/",
      readOnly,
      workspaces: [
        { environment: "dev", workspaceId: 111 },
        { environment: "prod", workspaceId: 222 },
      ],
      grants: [{ principal: "data-engineers", privileges: ["READ_FILES"] }],
    });
  });
}

describe("DataBucketLocation: an existing bucket as one isolated external location of the region", () => {
  const stack = synth(true);
  const location = addressOf(stack, "databricks_external_location");

  test("the location covers the prefix, read-only as declared, through its own credential, after the IAM wait", () => {
    expect(resourcesOf(stack, "databricks_external_location")).toEqual([
      expect.objectContaining({
        name: "acme_data_use1_lake_landing",
        url: "s3://acme-landing-use1/events/",
        read_only: true,
        isolation_mode: "ISOLATION_MODE_ISOLATED",
        fallback: false,
        depends_on: [addressOf(stack, "time_sleep")],
      }),
    ]);
    expect(resourcesOf(stack, "databricks_storage_credential")[0]).toMatchObject({ name: "acme_data_use1_lake_landing", read_only: true });
    expect(resourcesOf(stack, "aws_s3_bucket")).toEqual([]);
  });

  test("bound to every workspace it serves, read-only bindings for a read-only bucket", () => {
    expect(resourcesOf(stack, "databricks_workspace_binding")).toEqual(
      [111, 222].map((workspaceId) => ({
        securable_name: ref(location, "name"),
        securable_type: "external_location",
        workspace_id: workspaceId,
        binding_type: "BINDING_TYPE_READ_ONLY",
      })),
    );
    const readWrite = synth(false);
    expect(resourcesOf(readWrite, "databricks_workspace_binding").map((b) => b.binding_type)).toEqual(["BINDING_TYPE_READ_WRITE", "BINDING_TYPE_READ_WRITE"]);
    expect(resourcesOf(readWrite, "databricks_external_location")[0]).toMatchObject({ read_only: false });
  });

  test("its grants are on the location", () => {
    expect(resourcesOf(stack, "databricks_grants")).toEqual([
      { external_location: ref(location, "name"), grant: [{ principal: "data-engineers", privileges: ["READ_FILES"] }] },
    ]);
  });
});

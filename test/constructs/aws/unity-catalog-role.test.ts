import { describe, expect, test } from "vitest";
import { UnityCatalogRole } from "../../../constructs/aws/unity-catalog-role";
import { addressOf, dataAddressOf, dataSourcesOf, ref, resourcesOf, synthConstruct } from "../../utils";

describe("UnityCatalogRole: the storage credential first, then the role that trusts it", () => {
  const stack = synthConstruct((scope) => {
    new UnityCatalogRole(scope, "role", {
      names: { role: "acme-data-use1-lake-landing", credential: "acme_data_use1_lake_landing" },
      awsAccountId: "123456789012",
      bucketName: "acme-landing-use1",
      readOnly: true,
      comment: "Data bucket acme-landing-use1/events/ (read-only)",
    });
  });
  const credential = addressOf(stack, "databricks_storage_credential");
  const role = addressOf(stack, "aws_iam_role");

  test("the credential names the role by its derived ARN (it cannot reference the role: a cycle), isolated and read-only", () => {
    expect(resourcesOf(stack, "databricks_storage_credential")).toEqual([
      {
        name: "acme_data_use1_lake_landing",
        aws_iam_role: { role_arn: "arn:aws:iam::123456789012:role/acme-data-use1-lake-landing" },
        isolation_mode: "ISOLATION_MODE_ISOLATED",
        read_only: true,
        comment: "Data bucket acme-landing-use1/events/ (read-only)",
      },
    ]);
  });

  test("the trust comes from the Unity Catalog data source, with the credential's external id and master role", () => {
    expect(dataSourcesOf(stack, "databricks_aws_unity_catalog_assume_role_policy")).toEqual([
      {
        aws_account_id: "123456789012",
        role_name: "acme-data-use1-lake-landing",
        external_id: `\${${credential}.aws_iam_role[0].external_id}`,
        unity_catalog_iam_arn: `\${${credential}.aws_iam_role[0].unity_catalog_iam_arn}`,
      },
    ]);
    expect(resourcesOf(stack, "aws_iam_role")[0]).toMatchObject({
      name: "acme-data-use1-lake-landing",
      assume_role_policy: ref(dataAddressOf(stack, "databricks_aws_unity_catalog_assume_role_policy"), "json"),
    });
  });

  test("the permissions come from the access-policy data source for the bucket, as the role's inline policy", () => {
    expect(dataSourcesOf(stack, "databricks_aws_unity_catalog_policy")).toEqual([
      { aws_account_id: "123456789012", bucket_name: "acme-landing-use1", role_name: "acme-data-use1-lake-landing" },
    ]);
    expect(resourcesOf(stack, "aws_iam_role_policy")).toEqual([
      { name: "acme-data-use1-lake-landing", role: ref(role, "id"), policy: ref(dataAddressOf(stack, "databricks_aws_unity_catalog_policy"), "json") },
    ]);
  });

  test("the wait comes after the policy and restarts only with a new role", () => {
    expect(resourcesOf(stack, "time_sleep")).toEqual([
      { create_duration: "30s", triggers: { role_arn: ref(role, "arn") }, depends_on: [addressOf(stack, "aws_iam_role_policy")] },
    ]);
  });
});

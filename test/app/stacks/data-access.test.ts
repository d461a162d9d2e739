/**
 * The data layer of the shipped regions.yaml, per workspace: an isolated catalog with its own storage,
 * the region's data buckets as shared external locations, and grants that follow the roles.
 */
import { describe, expect, test } from "vitest";
import { Document, parseDocument } from "yaml";
import { roleIn } from "../../../domain/identity";
import { regionResourceNames, workspaceResourceNames } from "../../../domain/naming";
import { addressOf, configFromText, dataSourcesOf, ref, resourcesOf, shippedConfig, shippedRegionsText, synthApp, type StackJson } from "../../utils";

const config = shippedConfig();
const stacks = synthApp(config);
const places = config.regions.flatMap((region) =>
  Object.keys(config.environments).map((environment) => ({ awsRegion: region.region, environment })),
);
const namesOf = (place: { awsRegion: string; environment: string }) => workspaceResourceNames({ ...config, ...place });
const configStacks = places.map((place) => [namesOf(place).configStack, place] as const);

/** The remote-state reference to an output of `stack` whose name contains `fragment`. */
const remoteOutput = (stack: string, fragment: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-${stack}\\.outputs\\.cross-stack-output-.*${fragment}`));

const catalogGrantsOf = (stack: StackJson) => resourcesOf(stack, "databricks_grants").find((g) => "catalog" in g) as { grant: { principal: string; privileges: string[] }[] } | undefined;

describe("each workspace: an ISOLATED catalog bound to it alone, with a storage root of its own", () => {
  test.each(configStacks)("%s", (name, place) => {
    const stack = stacks.get(name)!;
    const names = namesOf(place);
    const location = addressOf(stack, "databricks_external_location", (l) => l.name === names.catalogStorage);
    expect(resourcesOf(stack, "databricks_catalog")).toEqual([
      expect.objectContaining({ name: names.catalog, isolation_mode: "ISOLATED", storage_root: ref(location, "url") }),
    ]);
    expect(resourcesOf(stack, "databricks_external_location").find((l) => l.name === names.catalogStorage)).toMatchObject({
      url: `s3://${ref(addressOf(stack, "aws_s3_bucket"), "bucket")}/`,
    });
    expect(resourcesOf(stack, "aws_s3_bucket")).toEqual([expect.objectContaining({ bucket: names.catalogBucket, lifecycle: { prevent_destroy: true } })]);
    const catalogBindings = resourcesOf(stack, "databricks_workspace_binding").filter((b) => b.securable_type === "catalog");
    expect(catalogBindings).toEqual([
      expect.objectContaining({ workspace_id: remoteOutput(names.stack, "workspace_id"), binding_type: "BINDING_TYPE_READ_WRITE" }),
    ]);
  });

  test("catalog names are SQL identifiers, distinct per workspace", () => {
    const catalogs = [...stacks.values()].flatMap((stack) => resourcesOf(stack, "databricks_catalog").map((c) => c.name as string));
    expect(catalogs).toHaveLength(6);
    expect(new Set(catalogs).size).toBe(6);
    for (const catalog of catalogs) expect(catalog).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});

describe("each workspace: a storage credential whose IAM role trusts the Unity Catalog master role", () => {
  test.each(configStacks)("%s", (name, place) => {
    const stack = stacks.get(name)!;
    const names = namesOf(place);
    const credential = addressOf(stack, "databricks_storage_credential", (c) => c.name === names.catalogStorage);
    const trust = Object.entries(stack.data!.databricks_aws_unity_catalog_assume_role_policy).find(([, t]) => t.role_name === names.catalogRole)!;
    expect(trust[1]).toMatchObject({
      aws_account_id: config.awsAccountId,
      external_id: `\${${credential}.aws_iam_role[0].external_id}`,
      unity_catalog_iam_arn: `\${${credential}.aws_iam_role[0].unity_catalog_iam_arn}`,
    });
    const access = Object.entries(stack.data!.databricks_aws_unity_catalog_policy).find(([, p]) => p.role_name === names.catalogRole)!;
    expect(access[1]).toMatchObject({ bucket_name: ref(addressOf(stack, "aws_s3_bucket"), "bucket") });
    const role = addressOf(stack, "aws_iam_role", (r) => r.name === names.catalogRole);
    expect(resourcesOf(stack, "aws_iam_role").find((r) => r.name === names.catalogRole)).toMatchObject({
      assume_role_policy: ref(`data.databricks_aws_unity_catalog_assume_role_policy.${trust[0]}`, "json"),
    });
    expect(resourcesOf(stack, "aws_iam_role_policy")).toContainEqual(
      expect.objectContaining({ role: ref(role, "id"), policy: ref(`data.databricks_aws_unity_catalog_policy.${access[0]}`, "json") }),
    );
    expect(resourcesOf(stack, "databricks_storage_credential").find((c) => c.name === names.catalogStorage)).toMatchObject({
      aws_iam_role: { role_arn: `arn:aws:iam::${config.awsAccountId}:role/${names.catalogRole}` },
      isolation_mode: "ISOLATION_MODE_ISOLATED",
    });
  });
});

describe("each region: its data bucket is one external location, in the prod config stack, bound to both workspaces", () => {
  test.each(config.regions.map((region) => [region.region, region] as const))("%s", (awsRegion, region) => {
    const [bucket] = region.dataBuckets;
    const regionNames = regionResourceNames({ ...config, awsRegion }).dataBucket(bucket.name);
    const prod = stacks.get(namesOf({ awsRegion, environment: "prod" }).configStack)!;
    const dev = stacks.get(namesOf({ awsRegion, environment: "dev" }).configStack)!;
    expect(resourcesOf(prod, "databricks_external_location")).toContainEqual(
      expect.objectContaining({ name: regionNames.location, url: `s3://${bucket.bucket}/${bucket.prefix}`, read_only: true, isolation_mode: "ISOLATION_MODE_ISOLATED" }),
    );
    expect(resourcesOf(dev, "databricks_external_location").map((l) => l.name)).toEqual([namesOf({ awsRegion, environment: "dev" }).catalogStorage]);
    const location = addressOf(prod, "databricks_external_location", (l) => l.name === regionNames.location);
    const bindings = resourcesOf(prod, "databricks_workspace_binding").filter((b) => b.securable_name === ref(location, "name"));
    expect(bindings).toEqual(
      ["dev", "prod"].map((environment) =>
        expect.objectContaining({ workspace_id: remoteOutput(namesOf({ awsRegion, environment }).stack, "workspace_id"), binding_type: "BINDING_TYPE_READ_ONLY" }),
      ),
    );
    expect(resourcesOf(prod, "aws_iam_role")).toContainEqual(expect.objectContaining({ name: regionNames.role }));
    // The location's grants: groups by name, airflow as each served workspace's own principal.
    const grants = resourcesOf(prod, "databricks_grants").find((g) => g.external_location === ref(location, "name")) as { grant: { principal: string; privileges: string[] }[] };
    expect(grants.grant).toEqual([
      { principal: "data-engineers", privileges: ["READ_FILES", "CREATE_EXTERNAL_TABLE"] },
      { principal: "data-scientists", privileges: ["READ_FILES"] },
      ...["dev", "prod"].map((environment) => ({
        principal: remoteOutput(namesOf({ awsRegion, environment }).stack, "airflow.*application_id"),
        privileges: ["READ_FILES", "CREATE_EXTERNAL_TABLE"],
      })),
    ]);
  });
});

describe("each workspace: catalog grants follow the roles", () => {
  test.each(configStacks)("%s: every group with a role here is granted, none with role none", (name, { environment }) => {
    const principals = catalogGrantsOf(stacks.get(name)!)!.grant.map((grant) => grant.principal);
    const withRole = config.groups.filter((group) => roleIn(group, environment) !== "none").map((group) => group.name);
    expect(principals).toEqual(withRole);
    const without = config.groups.filter((group) => roleIn(group, environment) === "none").map((group) => group.name);
    expect(without.length).toBeGreaterThan(0);
    for (const group of without) expect(principals).not.toContain(group);
  });

  test("the job service principal writes through its group, which the catalog grants", () => {
    const [airflow] = config.servicePrincipals;
    expect(airflow.groups).toEqual(["job-owners"]);
    for (const [name] of configStacks) {
      expect(catalogGrantsOf(stacks.get(name)!)!.grant).toContainEqual({
        principal: "job-owners",
        privileges: ["USE_CATALOG", "USE_SCHEMA", "SELECT", "MODIFY", "CREATE_SCHEMA", "CREATE_TABLE"],
      });
    }
    const workspace = stacks.get("acme-data-use1-prod")!;
    expect(resourcesOf(workspace, "databricks_group_member")).toContainEqual({
      group_id: remoteOutput("acme-data-account", "groups_job-owners"),
      member_id: ref(addressOf(workspace, "databricks_service_principal"), "id"),
    });
  });

  test("analysts and scientists read; engineers and jobs write", () => {
    const prod = catalogGrantsOf(stacks.get("acme-data-use1-prod-config")!)!.grant;
    const dev = catalogGrantsOf(stacks.get("acme-data-use1-dev-config")!)!.grant;
    expect(prod.find((g) => g.principal === "analysts")!.privileges).toEqual(["USE_CATALOG", "USE_SCHEMA", "SELECT"]);
    expect(dev.find((g) => g.principal === "data-scientists")!.privileges).toEqual(["USE_CATALOG", "USE_SCHEMA", "SELECT"]);
    expect(prod.find((g) => g.principal === "data-engineers")!.privileges).toContain("MODIFY");
  });
});

describe("each region: metastore grants restrict creating catalogs and storage to the platform admins", () => {
  const metastoreGrants = (stack: StackJson) => resourcesOf(stack, "databricks_grants").filter((g) => "metastore" in g);

  test.each(config.regions.map((region) => region.region))("%s: in the prod config stack only", (awsRegion) => {
    const prod = stacks.get(namesOf({ awsRegion, environment: "prod" }).configStack)!;
    expect(metastoreGrants(prod)).toEqual([
      {
        metastore: remoteOutput("acme-data-account", `metastore-${awsRegion}.*metastore_id`),
        grant: [{ principal: "data-platform-admins", privileges: ["CREATE_CATALOG", "CREATE_EXTERNAL_LOCATION", "CREATE_STORAGE_CREDENTIAL"] }],
      },
    ]);
    expect(metastoreGrants(stacks.get(namesOf({ awsRegion, environment: "dev" }).configStack)!)).toEqual([]);
  });

  test("not on a metastore the app does not create: an existing one is shared beyond this app", () => {
    const doc = parseDocument(shippedRegionsText) as Document;
    doc.setIn(["regions", 0, "metastoreId"], "11111111-2222-3333-4444-555555555555");
    const existing = synthApp(configFromText(doc.toString()));
    expect(metastoreGrants(existing.get("acme-data-use1-prod-config")!)).toEqual([]);
    expect(metastoreGrants(existing.get("acme-data-euw1-prod-config")!)).toHaveLength(1);
    // The catalog, its storage and the data bucket are the app's own, there too.
    expect(resourcesOf(existing.get("acme-data-use1-prod-config")!, "databricks_catalog")).toHaveLength(1);
    expect(dataSourcesOf(existing.get("acme-data-use1-prod-config")!, "databricks_aws_unity_catalog_policy")).toHaveLength(2);
  });
});

describe("config stacks carry AWS now: the provider has the workspace's region and cost tags", () => {
  test.each(configStacks)("%s", (name, place) => {
    const stack = stacks.get(name)!;
    expect(stack.provider?.aws).toEqual([expect.objectContaining({ region: place.awsRegion, default_tags: [{ tags: expect.objectContaining({ Environment: place.environment }) }] })]);
  });
});

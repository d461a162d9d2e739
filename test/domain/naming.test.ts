import { describe, expect, test } from "vitest";
import { DATABRICKS_AWS_REGIONS, KNOWN_AWS_REGIONS, UC_NAME_PATTERN } from "../../domain/platform-facts";
import { accountResourceNames, deploymentNameFor, regionCode, regionResourceNames, workspaceHostFor, workspaceName, workspaceResourceNames, withKeptNames } from "../../domain/naming";

describe("naming: one convention for every name", () => {
  test.each([
    ["us-east-1", "use1"],
    ["eu-west-1", "euw1"],
    ["ap-southeast-2", "apse2"],
    ["eu-central-1", "euc1"],
    ["ap-northeast-1", "apne1"],
    ["us-west-2", "usw2"],
    ["ca-central-1", "cac1"],
    ["sa-east-1", "sae1"],
  ])("region %s has code %s", (region, code) => {
    expect(regionCode(region)).toBe(code);
  });

  test("every known region has a code, and no two regions share one", () => {
    const codes = KNOWN_AWS_REGIONS.map(regionCode);
    expect(new Set(codes).size).toBe(KNOWN_AWS_REGIONS.length);
    expect(DATABRICKS_AWS_REGIONS.every((region) => KNOWN_AWS_REGIONS.includes(region))).toBe(true);
  });

  test("a string that is not a region has no code", () => {
    expect(() => regionCode("mars-1")).toThrow('cannot derive a region code from "mars-1"');
  });

  test("workspace and stack share <company>-<domain>-<code>-<env>; the rest derive from it", () => {
    const key = { company: "acme", domain: "data", awsRegion: "us-east-1", environment: "prod" };
    const names = workspaceResourceNames(key);
    expect(workspaceName(key)).toBe("acme-data-use1-prod");
    expect([names.workspace, names.stack]).toEqual(Array(2).fill("acme-data-use1-prod"));
    expect(names.rootBucket).toBe("acme-data-use1-prod-root");
    expect(names.crossAccountRole).toBe("acme-data-use1-prod-crossaccount");
    expect(names.configStack).toBe("acme-data-use1-prod-config");
    expect(names.privateSubnet("us-east-1a")).toBe("acme-data-use1-prod-private-us-east-1a");
  });

  test("Unity Catalog names are SQL identifiers (underscores); AWS names keep the workspace's hyphens", () => {
    const names = workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "ap-southeast-2", environment: "prod" });
    expect([names.catalog, names.catalogStorage]).toEqual(["acme_data_apse2_prod", "acme_data_apse2_prod_storage"]);
    expect([names.catalogBucket, names.catalogRole]).toEqual(["acme-data-apse2-prod-catalog", "acme-data-apse2-prod-catalog"]);
    const region = regionResourceNames({ company: "acme", domain: "data", awsRegion: "ap-southeast-2" });
    expect(region.dataBucket("landing")).toEqual({ role: "acme-data-apse2-lake-landing", location: "acme_data_apse2_lake_landing" });
    expect(region.dataBucket("landing").role.startsWith(region.dataBucketRolePrefix)).toBe(true);
    for (const name of [names.catalog, names.catalogStorage, region.dataBucket("landing").location]) expect(name).toMatch(UC_NAME_PATTERN);
  });

  test("spend: a budget per tag value and threshold, the workspace's budget policy, the dashboard and its folder", () => {
    const names = accountResourceNames({ company: "acme", domain: "data" });
    expect(names.budget("CostCenter", "CC-4410", 80)).toBe("acme-data CostCenter=CC-4410 at 80%");
    expect([names.spendDashboard, names.spendDashboardFolder]).toEqual(["acme-data spend", "/Shared/acme-data-spend"]);
    expect(workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "eu-west-1", environment: "dev" }).budgetPolicy).toBe("acme-data-euw1-dev");
  });

  test.each([
    ["the prefix starts the name: it is dropped, so the URL is the workspace name", "acme", "data-use1-prod", "acme-data-use1-prod.cloud.databricks.com"],
    ["another prefix: the whole name follows it", "globex", "acme-data-use1-prod", "globex-acme-data-use1-prod.cloud.databricks.com"],
    ["a prefix that is only the start of a word is not dropped", "ac", "acme-data-use1-prod", "ac-acme-data-use1-prod.cloud.databricks.com"],
    ["no prefix: no deployment name, Databricks generates the URL", undefined, undefined, undefined],
  ] as const)("deployment name and host: %s", (_name, prefix, deployment, host) => {
    expect(deploymentNameFor("acme-data-use1-prod", prefix)).toBe(deployment);
    expect(workspaceHostFor("acme-data-use1-prod", prefix)).toBe(host);
  });
});

describe("withKeptNames: an adopted workspace keeps what it is called", () => {
  const names = workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "us-east-1", environment: "prod" });

  test("its workspace name, root bucket and role are the kept ones; the stack and everything new keep the convention's", () => {
    const kept = withKeptNames(names, { workspaceName: "analytics", rootBucket: "analytics-root", crossAccountRole: "analytics-xaccount" });
    expect([kept.workspace, kept.rootBucket, kept.crossAccountRole]).toEqual(["analytics", "analytics-root", "analytics-xaccount"]);
    expect([kept.stack, kept.credentials, kept.flowLogRole, kept.privateSubnet("us-east-1a")]).toEqual([names.stack, names.credentials, names.flowLogRole, names.privateSubnet("us-east-1a")]);
  });

  test("what it does not keep is the convention's", () => {
    expect(withKeptNames(names, { rootBucket: "analytics-root" })).toMatchObject({ workspace: names.workspace, rootBucket: "analytics-root", crossAccountRole: names.crossAccountRole });
  });
});

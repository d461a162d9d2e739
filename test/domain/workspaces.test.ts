import { describe, expect, test } from "vitest";
import { regionOwnerEnvironment, spendDashboardPlace, workspaceIdentity, workspacePlaces, workspaceSpecs } from "../../domain/workspaces";
import { adoptUse1Dev, decommission, FULL_ADOPTION, withMetastore } from "../fixtures/lifecycle-edits";
import { configFromText, shippedRegionsText } from "../utils";
import { BASE_YAML } from "../fixtures/config";

const owners = (text: string) =>
  workspaceSpecs(configFromText(text))
    .filter((spec) => spec.ownsRegionMetastore)
    .map((spec) => spec.names.workspace);

describe("workspaces: one owner of each region's metastore objects", () => {
  test.each([
    ["the first protected environment", { dev: { protected: false }, prod: { protected: true } }, "prod"],
    ["the first of several protected ones", { dev: {}, stage: { protected: true }, prod: { protected: true } }, "stage"],
    ["none protected: the first environment", { dev: {}, test: {} }, "dev"],
  ])("%s", (_name, environments, owner) => {
    expect(regionOwnerEnvironment(environments as Record<string, { protected: boolean }>)).toBe(owner);
  });

  test("exactly one workspace per region owns it", () => {
    expect(owners(BASE_YAML)).toEqual(["acme-data-use1-prod", "acme-data-euw1-prod"]);
    expect(owners(BASE_YAML.replace("protected: true", "protected: false"))).toEqual(["acme-data-use1-dev", "acme-data-euw1-dev"]);
  });
});

describe("workspaces: where the spend dashboard lives", () => {
  const withDashboard = (dashboard: string) => BASE_YAML.replace("regions:\n", `warehouses:\n  - name: general\n    sizing:\n      dev: { clusterSize: Small, autoStopMinutes: 10 }\n      prod: { clusterSize: Small, autoStopMinutes: 10 }\nspend:\n  dashboard: ${dashboard}\nregions:\n`);
  const hosts = (text: string) => workspaceSpecs(configFromText(text)).filter((spec) => spec.hostsSpendDashboard).map((spec) => spec.names.workspace);

  test("nowhere without spend.dashboard", () => {
    expect(spendDashboardPlace(configFromText(BASE_YAML))).toBeUndefined();
    expect(hosts(BASE_YAML)).toEqual([]);
  });

  test("by default in the first region's owner workspace", () => {
    expect(hosts(withDashboard("{}"))).toEqual(["acme-data-use1-prod"]);
  });

  test("by default never in a region being decommissioned: in the next region's owner workspace", () => {
    expect(hosts(withDashboard("{}").replace("  - region: us-east-1\n", "  - region: us-east-1\n    decommission: true\n"))).toEqual(["acme-data-euw1-prod"]);
  });

  test("in the workspace regions.yaml names", () => {
    expect(hosts(withDashboard("{ workspace: { region: eu-west-1, environment: dev } }"))).toEqual(["acme-data-euw1-dev"]);
  });
});

const METASTORE = "11111111-2222-4333-8444-555555555555";

function identities(text: string) {
  const config = configFromText(text);
  return workspacePlaces(config).map((place) => workspaceIdentity(config, place));
}

describe("workspaceIdentity: adoption and decommissioning, derived once for stacks and rules", () => {
  test("an adopted workspace: the import id of each existing object in the provider docs' format, and no URL of ours", () => {
    const text = withMetastore(adoptUse1Dev(shippedRegionsText, { ...FULL_ADOPTION, metastoreAssignment: METASTORE }), "us-east-1", METASTORE);
    const [dev, prod] = identities(text);
    const account = configFromText(text).databricksAccountId;
    expect(dev.adoption).toEqual({
      kept: { workspaceName: "legacy-analytics-dev", rootBucket: "legacy-analytics-dev-root", crossAccountRole: "legacy-analytics-dev-crossaccount" },
      importIds: {
        workspace: `${account}/1234567890123456`,
        credentials: `${account}/6c1f2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b`,
        storageConfiguration: `${account}/0d9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c`,
        network: {
          registration: `${account}/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c`,
          vpc: "vpc-0a1b2c3d4e5f60718",
          privateSubnets: ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718", "subnet-2a1b2c3d4e5f60718"],
          securityGroup: "sg-0a1b2c3d4e5f60718",
        },
        metastoreAssignment: `1234567890123456|${METASTORE}`,
        rootBucket: "legacy-analytics-dev-root",
        crossAccountRole: "legacy-analytics-dev-crossaccount",
      },
    });
    expect([dev.deploymentName, dev.host]).toEqual([undefined, undefined]);
    expect(prod.adoption).toBeUndefined();
    expect(prod.deploymentName).toBe("data-use1-prod");
  });

  test("a decommissioned region: every workspace of it, no other; an adopted one there keeps its names, imports nothing", () => {
    const all = identities(decommission(adoptUse1Dev(shippedRegionsText, FULL_ADOPTION), "us-east-1"));
    expect(all.filter((identity) => identity.decommissioning).map((identity) => identity.names.stack)).toEqual(["acme-data-use1-dev", "acme-data-use1-prod"]);
    expect(all[0].adoption).toEqual({ kept: { workspaceName: "legacy-analytics-dev", rootBucket: "legacy-analytics-dev-root", crossAccountRole: "legacy-analytics-dev-crossaccount" } });
  });
});

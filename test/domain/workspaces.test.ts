import { describe, expect, test } from "vitest";
import { regionOwnerEnvironment, spendDashboardPlace, workspaceSpecs } from "../../domain/workspaces";
import { configFromText } from "../utils";
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

  test("in the workspace regions.yaml names", () => {
    expect(hosts(withDashboard("{ workspace: { region: eu-west-1, environment: dev } }"))).toEqual(["acme-data-euw1-dev"]);
  });
});

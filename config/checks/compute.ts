import { KNOWN_AWS_REGIONS } from "../../domain/platform-facts";
import type { ConfigPath, ConfigProblem } from "../problems";
import type { PrincipalsConfig, RegionsFile } from "../schema/regions";
import { unknownGroup, unknownServicePrincipal } from "./identity";
import { unknownEnvironment } from "./messages";

/**
 * Cluster caps are coherent, policy and warehouse grants name groups and service principals that
 * exist, and every warehouse is sized for exactly the configured environments.
 */
export function checkCompute(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const environments = Object.keys(config.environments);
  const groups = config.groups.map((group) => group.name);
  const principals = config.servicePrincipals.map((principal) => principal.name);
  const checkPrincipals = (grant: PrincipalsConfig, path: ConfigPath) => {
    grant.groups.forEach((group, i) => {
      const problem = unknownGroup(group, groups);
      if (problem) problems.push({ path: [...path, "groups", i], message: problem });
    });
    grant.servicePrincipals.forEach((principal, i) => {
      const problem = unknownServicePrincipal(principal, principals);
      if (problem) problems.push({ path: [...path, "servicePrincipals", i], message: problem });
    });
  };

  for (const [environment, settings] of Object.entries(config.environments)) {
    const { autoterminationMinutes } = settings.clusters;
    if (autoterminationMinutes.default > autoterminationMinutes.max) {
      problems.push({
        path: ["environments", environment, "clusters", "autoterminationMinutes", "default"],
        message: `expected at most max (${autoterminationMinutes.max}), found ${autoterminationMinutes.default}`,
      });
    }
  }
  config.clusterPolicies.forEach((policy, i) => {
    const first = config.clusterPolicies.findIndex((other) => other.name === policy.name);
    if (first < i) {
      problems.push({ path: ["clusterPolicies", i, "name"], message: `expected each policy once, found "${policy.name}" again (first at index ${first})` });
    }
    checkPrincipals(policy.canUse, ["clusterPolicies", i, "canUse"]);
  });
  config.warehouses.forEach((warehouse, i) => {
    const first = config.warehouses.findIndex((other) => other.name === warehouse.name);
    if (first < i) {
      problems.push({ path: ["warehouses", i, "name"], message: `expected each warehouse once, found "${warehouse.name}" again (first at index ${first})` });
    }
    const sized = Object.keys(warehouse.sizing);
    for (const environment of sized.filter((name) => !environments.includes(name))) {
      problems.push({
        path: ["warehouses", i, "sizing", environment],
        atKey: true,
        message: unknownEnvironment(environments, environment),
      });
    }
    const missing = environments.filter((name) => !sized.includes(name));
    if (missing.length) {
      problems.push({ path: ["warehouses", i, "sizing"], message: `expected sizing for every environment, missing ${missing.join(", ")}` });
    }
    for (const [environment, sizing] of Object.entries(warehouse.sizing)) {
      if (sizing.autoStopMinutes < 10) {
        problems.push({
          path: ["warehouses", i, "sizing", environment, "autoStopMinutes"],
          message: `expected at least 10 minutes (pro warehouses cannot stop sooner), found ${sizing.autoStopMinutes}`,
        });
      }
    }
    checkPrincipals(warehouse.permissions.canUse, ["warehouses", i, "permissions", "canUse"]);
    checkPrincipals(warehouse.permissions.canManage, ["warehouses", i, "permissions", "canManage"]);
  });
  const logRegion = config.usageLogs.region;
  if (logRegion !== undefined && !KNOWN_AWS_REGIONS.includes(logRegion)) {
    problems.push({ path: ["usageLogs", "region"], message: `expected an AWS region such as us-east-1, found "${logRegion}"` });
  }
  return problems;
}

import { ALL_USERS_GROUP } from "../../domain/platform-facts";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";
import { unknownEnvironment } from "./messages";

/**
 * Every reference to a group or environment resolves, and every name is defined once. A role
 * for an environment that does not exist would silently grant nothing; a missing group would fail
 * only at apply time, half-way through a workspace.
 */
export function checkIdentity(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const environments = Object.keys(config.environments);
  const groups = config.groups.map((group) => group.name);

  problems.push(...duplicates(groups, (i) => ["groups", i, "name"], "group"));
  problems.push(...duplicates(config.servicePrincipals.map((sp) => sp.name), (i) => ["servicePrincipals", i, "name"], "service principal"));

  config.groups.forEach((group, i) => {
    if (group.name === ALL_USERS_GROUP) {
      problems.push({
        path: ["groups", i, "name"],
        message: `expected a group other than the built-in "${ALL_USERS_GROUP}" group of every workspace (set its entitlements under allUsersEntitlements), found "${group.name}"`,
      });
    }
    for (const environment of Object.keys(group.roles)) {
      if (!environments.includes(environment)) {
        problems.push({
          path: ["groups", i, "roles", environment],
          atKey: true,
          message: unknownEnvironment(environments, environment),
        });
      }
    }
  });
  config.servicePrincipals.forEach((principal, i) => {
    principal.groups.forEach((group, g) => {
      const problem = unknownGroup(group, groups);
      if (problem) problems.push({ path: ["servicePrincipals", i, "groups", g], message: problem });
    });
  });
  const owner = config.unityCatalog.metastoreOwner;
  if (owner !== undefined) {
    const problem = unknownGroup(owner, groups);
    if (problem) problems.push({ path: ["unityCatalog", "metastoreOwner"], message: problem });
  }
  return problems;
}

export function unknownGroup(name: string, groups: readonly string[]): string | undefined {
  return groups.includes(name) ? undefined : `expected a group defined under groups (${groups.join(", ") || "none defined"}), found "${name}"`;
}

export function unknownServicePrincipal(name: string, principals: readonly string[]): string | undefined {
  return principals.includes(name)
    ? undefined
    : `expected a service principal defined under servicePrincipals (${principals.join(", ") || "none defined"}), found "${name}"`;
}

function duplicates(names: readonly string[], pathOf: (i: number) => (string | number)[], what: string): ConfigProblem[] {
  return names.flatMap((name, i) => {
    const first = names.indexOf(name);
    return first < i ? [{ path: pathOf(i), message: `expected each ${what} once, found "${name}" again (first at index ${first})` }] : [];
  });
}

import { UC_WRITE_PRIVILEGES } from "../../domain/platform-facts";
import { grantEnvironments, principalOf, type GrantEntry } from "../../domain/data-access";
import type { ConfigPath, ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";
import { unknownGroup, unknownServicePrincipal } from "./identity";
import { unknownEnvironment } from "./messages";

/**
 * Every grant names one principal that exists, in environments that exist, and grants something
 * somewhere: an entry whose group has role none wherever it applies would silently grant nothing.
 * A principal appears once per environment in a list; grants name data buckets some region declares,
 * and a bucket declared read-only gets no privilege that writes. Metastore grants name known groups.
 */
export function checkDataAccess(config: RegionsFile): ConfigProblem[] {
  const problems = checkGrantList(config, config.dataAccess.catalog, ["dataAccess", "catalog"]);
  const declared = new Map<string, { readonly region: number; readonly index: number; readonly access: string }[]>();
  config.regions.forEach((region, r) =>
    (region.dataBuckets ?? []).forEach((bucket, index) =>
      declared.set(bucket.name, [...(declared.get(bucket.name) ?? []), { region: r, index, access: bucket.access }]),
    ),
  );
  for (const [name, entries] of Object.entries(config.dataAccess.dataBuckets)) {
    const path = ["dataAccess", "dataBuckets", name];
    const buckets = declared.get(name);
    if (!buckets) {
      const names = [...declared.keys()].join(", ") || "none declared";
      problems.push({ path, atKey: true, message: `expected a data bucket declared under regions[].dataBuckets (${names}), found "${name}"` });
      continue;
    }
    problems.push(...checkGrantList(config, entries, path));
    const readOnly = buckets.find((bucket) => bucket.access === "readOnly");
    if (!readOnly) continue;
    entries.forEach((entry, i) =>
      entry.privileges.forEach((privilege, p) => {
        if (!UC_WRITE_PRIVILEGES.includes(privilege)) return;
        problems.push({
          path: [...path, i, "privileges", p],
          message: `expected a privilege that reads (${name} is readOnly at regions[${readOnly.region}].dataBuckets[${readOnly.index}]), found "${privilege}"`,
        });
      }),
    );
  }
  const groups = config.groups.map((group) => group.name);
  config.unityCatalog.metastoreGrants.forEach((grant, i) => {
    const problem = unknownGroup(grant.group, groups);
    if (problem) problems.push({ path: ["unityCatalog", "metastoreGrants", i, "group"], message: problem });
    problems.push(...duplicatePrivileges(grant.privileges, ["unityCatalog", "metastoreGrants", i]));
  });
  return problems;
}

function checkGrantList(config: RegionsFile, entries: readonly GrantEntry[], listPath: ConfigPath): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const environments = Object.keys(config.environments);
  const groups = config.groups.map((group) => group.name);
  const servicePrincipals = config.servicePrincipals.map((principal) => principal.name);
  const firstFor = new Map<string, number>();
  entries.forEach((entry, i) => {
    const path = [...listPath, i];
    problems.push(...duplicatePrivileges(entry.privileges, path));
    const principal = principalOf(entry);
    if (!principal) {
      problems.push({ path, message: `expected exactly one of group or servicePrincipal, found ${entry.group === undefined ? "neither" : "both"}` });
      return;
    }
    const unknown = principal.kind === "group" ? unknownGroup(principal.name, groups) : unknownServicePrincipal(principal.name, servicePrincipals);
    if (unknown) {
      problems.push({ path: [...path, principal.kind], message: unknown });
      return;
    }
    const strangers = (entry.environments ?? []).flatMap((environment, e) => (environments.includes(environment) ? [] : [{ environment, e }]));
    for (const { environment, e } of strangers) {
      problems.push({ path: [...path, "environments", e], message: unknownEnvironment(environments, environment) });
    }
    if (strangers.length) return;
    const applies = grantEnvironments(config, entry);
    if (applies.length === 0) {
      problems.push({
        path: [...path, principal.kind],
        message: `expected a group with a role in ${(entry.environments ?? environments).join(" or ")} (this entry would grant nothing), found "${principal.name}" with role none there`,
      });
    }
    const again = applies.filter((environment) => firstFor.has(`${principal.kind}:${principal.name}:${environment}`));
    if (again.length) {
      const first = firstFor.get(`${principal.kind}:${principal.name}:${again[0]}`);
      problems.push({ path: [...path, principal.kind], message: `expected "${principal.name}" once per environment, found it again for ${again.join(", ")} (first at index ${first})` });
    }
    for (const environment of applies) if (!again.includes(environment)) firstFor.set(`${principal.kind}:${principal.name}:${environment}`, i);
  });
  return problems;
}

function duplicatePrivileges(privileges: readonly string[], path: ConfigPath): ConfigProblem[] {
  return privileges.flatMap((privilege, p) =>
    privileges.indexOf(privilege) < p ? [{ path: [...path, "privileges", p], message: `expected each privilege once, found "${privilege}" again` }] : [],
  );
}

import { workspaceName } from "../../domain/naming";
import { KNOWN_AWS_REGIONS } from "../../domain/platform-facts";
import { formatPath, type ConfigPath, type ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

type Adopt = NonNullable<RegionsFile["regions"][number]["workspaces"][string]["adopt"]>;

/**
 * A network configuration is one unit: every field of `databricks_mws_networks` forces a new one
 * (provider source mws/resource_mws_networks.go), and its subnets and security group cannot be
 * registered by a second configuration (provider docs/resources/mws_networks.md). A VPC adopted
 * without its network, or a network without its VPC, would be replaced or refused.
 */
const NETWORK_UNIT = ["networkId", "vpcId", "subnetIds", "securityGroupId"] as const;

/** Pairs where the first is replaced unless the second is adopted too (a force-new field points at it). */
const NEEDS: readonly { key: keyof Adopt; needs: keyof Adopt; why: string }[] = [
  { key: "credentialsId", needs: "crossAccountRoleName", why: "the credential configuration's role_arn forces a new one" },
  { key: "storageConfigurationId", needs: "rootBucket", why: "the storage configuration's bucket_name forces a new one, and a new one replaces the workspace" },
];

/** What each adopted id is, for "adopted twice" messages. */
const WHAT: Readonly<Record<string, string>> = {
  workspaceId: "workspace id", credentialsId: "credential configuration", storageConfigurationId: "storage configuration",
  networkId: "network configuration", vpcId: "VPC", subnetIds: "subnet", securityGroupId: "security group",
  rootBucket: "root bucket", crossAccountRoleName: "cross-account role",
};

/**
 * An `adopt` must describe something that can be adopted as it is, and agree with what the rest of
 * regions.yaml pins: one subnet per availability zone, whole units, the region's metastore, no
 * PrivateLink network to import, nothing adopted twice, no name another workspace has.
 */
export function checkAdoption(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const firstUse = new Map<string, ConfigPath>();
  const names: { name: string; path: ConfigPath }[] = [];
  const adopted: { path: ConfigPath; adopt: Adopt }[] = [];
  config.regions.forEach((region, i) => {
    // A region with no derived name is the regions check's problem to report (checks/regions.ts).
    const known = KNOWN_AWS_REGIONS.includes(region.region);
    for (const [environment, workspace] of Object.entries(region.workspaces ?? {})) {
      const path = ["regions", i, "workspaces", environment];
      const adopt = workspace.adopt;
      const name = adopt?.name ?? (known ? workspaceName({ company: config.company, domain: config.domain, awsRegion: region.region, environment }) : undefined);
      if (name !== undefined) names.push({ name, path: adopt?.name ? [...path, "adopt", "name"] : path });
      if (!adopt) continue;
      adopted.push({ path: [...path, "adopt"], adopt });
      problems.push(...unitProblems(adopt, [...path, "adopt"], region, environment, config));
    }
  });
  for (const { path, adopt } of adopted) {
    for (const [key, value] of Object.entries(adopt)) {
      if (!(key in WHAT)) continue;
      const values = Array.isArray(value) ? value.map((v, j) => [v, [...path, key, j]] as const) : [[value, [...path, key]] as const];
      for (const [item, at] of values) {
        const id = `${WHAT[key]}:${String(item)}`;
        const first = firstUse.get(id);
        if (first) problems.push({ path: at, message: `expected a ${WHAT[key]} no other workspace adopts, found "${String(item)}" again (first at ${formatPath(first)})` });
        else firstUse.set(id, at);
      }
    }
    if (adopt.name !== undefined) {
      const self = formatPath([...path, "name"]);
      const holder = names.find((entry) => entry.name === adopt.name && formatPath(entry.path) !== self);
      if (holder) {
        problems.push({ path: [...path, "name"], message: `expected a workspace name no other workspace has, found "${adopt.name}", the name of ${formatPath(holder.path)}` });
      }
    }
  }
  return problems;
}

function unitProblems(adopt: Adopt, path: ConfigPath, region: RegionsFile["regions"][number], environment: string, config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const zones = region.availabilityZones ?? [];
  if (adopt.subnetIds && adopt.subnetIds.length !== zones.length) {
    problems.push({
      path: [...path, "subnetIds"],
      message: `expected one subnet per availability zone (${zones.length}: ${zones.join(", ")}), found ${adopt.subnetIds.length}`,
    });
  }
  const given = NETWORK_UNIT.filter((key) => adopt[key] !== undefined);
  if (given.length && given.length < NETWORK_UNIT.length) {
    const missing = NETWORK_UNIT.filter((key) => adopt[key] === undefined);
    problems.push({
      path: [...path, given[0]],
      message: `expected ${NETWORK_UNIT.join(", ")} together (every field of a network configuration forces a new one, and its subnets and security group cannot be registered twice), found ${given.join(", ")} without ${missing.join(", ")}`,
    });
  }
  for (const { key, needs, why } of NEEDS) {
    if (adopt[key] !== undefined && adopt[needs] === undefined) {
      problems.push({ path: [...path, key], message: `expected ${needs} with ${key} (${why}), found no ${needs}` });
    }
  }
  if (adopt.metastoreAssignment !== undefined && adopt.metastoreAssignment !== region.metastoreId) {
    problems.push({
      path: [...path, "metastoreAssignment"],
      message: region.metastoreId === undefined
        ? `expected the region's metastoreId to name the metastore the workspace is assigned to (an account holds one metastore per region, so the account stack must not create another), found no metastoreId`
        : `expected the region's metastore (metastoreId ${region.metastoreId}), found "${adopt.metastoreAssignment}"`,
    });
  }
  if (adopt.networkId !== undefined && config.environments?.[environment]?.hardening?.privateLink) {
    problems.push({
      path: [...path, "networkId"],
      message: `expected no adopted network where environments.${environment}.hardening.privateLink is on (its VPC endpoint registrations cannot be imported, and a network configuration cannot gain them in place), found "${adopt.networkId}"`,
    });
  }
  return problems;
}

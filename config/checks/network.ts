import { CLOUDWATCH_RETENTION_DAYS, PRIVATE_LINK_SERVICES, RFC1918_BLOCKS } from "../../domain/platform-facts";
import {
  cidrContains,
  cidrProblem,
  cidrsOverlap,
  netmaskOf,
  privateSubnetCapacity,
  PRIVATE_SUBNET_NETMASK,
  PUBLIC_SUBNET_NETMASK,
  VPC_NETMASK,
} from "../../domain/network";
import type { ConfigPath, ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/** VPC CIDRs are well-formed, sized for Databricks, hold one large subnet per AZ, and never overlap. */
export function checkNetwork(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { privateSubnetNetmask, publicSubnetNetmask, addressPool, flowLogRetentionDays } = config.network;
  const privateOk = inRange(privateSubnetNetmask, PRIVATE_SUBNET_NETMASK);
  if (!privateOk) {
    problems.push({
      path: ["network", "privateSubnetNetmask"],
      message: `expected a netmask from ${PRIVATE_SUBNET_NETMASK.min} to ${PRIVATE_SUBNET_NETMASK.max} (private subnets must be /${PRIVATE_SUBNET_NETMASK.max} or larger: each cluster node takes two addresses), found ${privateSubnetNetmask}`,
    });
  }
  if (!inRange(publicSubnetNetmask, PUBLIC_SUBNET_NETMASK)) {
    problems.push({
      path: ["network", "publicSubnetNetmask"],
      message: `expected a netmask from ${PUBLIC_SUBNET_NETMASK.min} to ${PUBLIC_SUBNET_NETMASK.max}, found ${publicSubnetNetmask}`,
    });
  }
  if (!CLOUDWATCH_RETENTION_DAYS.includes(flowLogRetentionDays)) {
    problems.push({
      path: ["network", "flowLogRetentionDays"],
      message: `expected a retention CloudWatch Logs accepts (${CLOUDWATCH_RETENTION_DAYS.join(", ")} days), found ${flowLogRetentionDays}`,
    });
  }
  if (addressPool !== undefined) {
    const poolProblem = cidrProblem(addressPool) ?? privateSpaceProblem(addressPool);
    if (poolProblem) problems.push({ path: ["network", "addressPool"], message: `${poolProblem}, found "${addressPool}"` });
  }

  const placed: { cidr: string; path: ConfigPath; label: string }[] = [];
  config.regions.forEach((entry, i) => {
    for (const [environment, workspace] of Object.entries(entry.workspaces)) {
      const path = ["regions", i, "workspaces", environment, "vpcCidr"];
      const { vpcCidr } = workspace;
      const problem = cidrProblem(vpcCidr);
      if (problem) {
        problems.push({ path, message: `${problem}, found "${vpcCidr}"` });
        continue;
      }
      const netmask = netmaskOf(vpcCidr);
      if (!inRange(netmask, VPC_NETMASK)) {
        problems.push({
          path,
          message: `expected a VPC netmask from /${VPC_NETMASK.min} to /${VPC_NETMASK.max} (AWS and Databricks limits), found /${netmask}`,
        });
        continue;
      }
      const outsidePrivateSpace = privateSpaceProblem(vpcCidr);
      if (outsidePrivateSpace) {
        problems.push({ path, message: `${outsidePrivateSpace}, found "${vpcCidr}"` });
        continue;
      }
      const capacity = privateSubnetCapacity(vpcCidr, privateSubnetNetmask);
      if (privateOk && entry.availabilityZones.length > capacity) {
        problems.push({
          path,
          message: `expected room for ${entry.availabilityZones.length} /${privateSubnetNetmask} private subnets and a public block, found /${netmask} (room for ${capacity})`,
        });
      }
      const label = `regions[${i}].workspaces.${environment}`;
      for (const other of placed) {
        if (cidrsOverlap(vpcCidr, other.cidr)) {
          problems.push({ path, message: `expected a VPC CIDR no other workspace uses, found "${vpcCidr}" overlapping ${other.label} (${other.cidr})` });
        }
      }
      placed.push({ cidr: vpcCidr, path, label });
    }
  });
  for (const [environment, settings] of Object.entries(config.environments)) {
    if (!settings.hardening?.privateLink) continue;
    config.regions.forEach((entry, i) => {
      if (!PRIVATE_LINK_SERVICES[entry.region]) {
        problems.push({
          path: ["regions", i, "region"],
          message: `expected a region with back-end PrivateLink (environments.${environment}.hardening.privateLink is on), found "${entry.region}"`,
        });
      }
    });
  }
  return problems;
}

/** Why `cidr` (a valid block) is not private address space, or undefined when it is. */
function privateSpaceProblem(cidr: string): string | undefined {
  if (RFC1918_BLOCKS.some((block) => cidrContains(block, cidr))) return undefined;
  return `expected a private (RFC 1918) block inside ${RFC1918_BLOCKS.slice(0, -1).join(", ")} or ${RFC1918_BLOCKS.at(-1)}`;
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return value >= range.min && value <= range.max;
}

import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { PRIVATE_SUBNET_NETMASK } from "../../domain/network";
import { isClusterSubnet } from "./cluster-subnets";

/** Cluster (private) subnets are as large as domain/network.ts requires (/20 or larger). */
export const clusterSubnetSize: BlockRule = (block, stack) => {
  if (block.type !== "aws_subnet" || block.kind !== "resource" || !isClusterSubnet(block, stack)) return NOT_APPLICABLE;
  const cidr = block.body.cidr_block;
  const match = typeof cidr === "string" ? /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr) : null;
  if (!match) return fromProblems([`cidr_block ${JSON.stringify(cidr ?? null)} is not a literal IPv4 CIDR block`]);
  const netmask = Number(match[1]);
  return fromProblems(netmask > PRIVATE_SUBNET_NETMASK.max ? [`cidr_block ${cidr} is /${netmask}, smaller than /${PRIVATE_SUBNET_NETMASK.max}`] : []);
};

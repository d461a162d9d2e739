import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { isClusterSubnet } from "./cluster-subnets";

/** Largest netmask a cluster subnet may have: each node takes two addresses, so /20 ≈ 2,000 nodes. */
export const MAX_CLUSTER_SUBNET_NETMASK = 20;

/** Cluster (private) subnets are /20 or larger. */
export const clusterSubnetSize: BlockRule = (block, stack) => {
  if (block.type !== "aws_subnet" || block.kind !== "resource" || !isClusterSubnet(block, stack)) return NOT_APPLICABLE;
  const cidr = block.body.cidr_block;
  const match = typeof cidr === "string" ? /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr) : null;
  if (!match) return fromProblems([`cidr_block ${JSON.stringify(cidr ?? null)} is not a literal IPv4 CIDR block`]);
  const netmask = Number(match[1]);
  return fromProblems(netmask > MAX_CLUSTER_SUBNET_NETMASK ? [`cidr_block ${cidr} is /${netmask}, smaller than /${MAX_CLUSTER_SUBNET_NETMASK}`] : []);
};

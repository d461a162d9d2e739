/**
 * VPC address layout. Private subnets are taken from the start of the VPC in AZ order; the VPC's
 * last private-sized block holds the small ones: public subnets from its start, PrivateLink endpoint
 * subnets from its middle, each in AZ order. Adding an AZ at the end of the list therefore never moves
 * an existing subnet, and the PrivateLink subnets moved none when they arrived (a moved subnet is a
 * replaced subnet, and a replaced network configuration).
 */
import { IPv4, IPv4CidrRange, IPv4Prefix, Validator } from "ip-num";
import { AWS_VPC_NETMASK, DATABRICKS_SUBNET_NETMASK, PRIVATE_LINK_SUBNET_NETMASK } from "./platform-facts";

/**
 * Private (cluster) subnets: Databricks accepts /17 to /25; we require /20 or larger, since each node
 * takes two addresses and a full subnet stops clusters from starting (/20 ≈ 2,000 nodes). The config
 * check and the guardrail rule NET-1 both read this.
 */
export const PRIVATE_SUBNET_NETMASK = { min: DATABRICKS_SUBNET_NETMASK.min, max: 20 } as const;
/** Public subnets hold only NAT gateways. */
export const PUBLIC_SUBNET_NETMASK = { min: 24, max: 28 } as const;
/** AWS caps a VPC at /16; Databricks subnets go down to /25, so no smaller VPC can hold one. */
export const VPC_NETMASK = { min: AWS_VPC_NETMASK.min, max: DATABRICKS_SUBNET_NETMASK.max } as const;

export interface SubnetPlacement {
  readonly availabilityZone: string;
  readonly cidr: string;
}

export interface SubnetLayout {
  readonly privateSubnets: readonly SubnetPlacement[];
  readonly publicSubnets: readonly SubnetPlacement[];
  /** Back-end PrivateLink endpoints, one small subnet per AZ; used where PrivateLink is on. */
  readonly privateLinkSubnets: readonly SubnetPlacement[];
}

/** Why `cidr` is not a usable IPv4 network block, or undefined when it is. */
export function cidrProblem(cidr: string): string | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr)) return "expected an IPv4 CIDR block such as 10.20.0.0/16";
  const [valid, errors] = Validator.isValidIPv4CidrRange(cidr);
  if (valid) return undefined;
  if (Validator.isValidIPv4CidrNotation(cidr)[0]) {
    const network = IPv4CidrRange.fromCidr(cidr);
    return `expected a network address; the block containing it is ${network.getFirst()}/${cidr.split("/")[1]}`;
  }
  return `expected an IPv4 CIDR block (${errors[0] ?? "malformed"})`;
}

export function netmaskOf(cidr: string): number {
  return Number(cidr.split("/")[1]);
}

/**
 * Parsed ranges, kept: the overlap check compares every pair of VPCs, and parsing dominated it at a
 * hundred regions (bench). A regions file holds a few hundred CIDRs at most.
 */
const parsedRanges = new Map<string, IPv4CidrRange>();

function rangeOf(cidr: string): IPv4CidrRange {
  let range = parsedRanges.get(cidr);
  if (!range) {
    range = IPv4CidrRange.fromCidr(cidr);
    parsedRanges.set(cidr, range);
  }
  return range;
}

export function cidrsOverlap(a: string, b: string): boolean {
  return rangeOf(a).isOverlapping(rangeOf(b));
}

export function cidrContains(outer: string, inner: string): boolean {
  return rangeOf(outer).contains(rangeOf(inner));
}

/** The `count` consecutive blocks of size /`netmask` that start at `first`. */
function blocksFrom(first: IPv4, netmask: number, count: number): IPv4CidrRange[] {
  const blocks = [new IPv4CidrRange(first, IPv4Prefix.fromNumber(BigInt(netmask)))];
  while (blocks.length < count) blocks.push(blocks[blocks.length - 1].nextRange()!);
  return blocks;
}

/** How many private subnets of `privateNetmask` a VPC can hold next to its public block. */
export function privateSubnetCapacity(vpcCidr: string, privateNetmask: number): number {
  const blocks = 2 ** Math.max(0, privateNetmask - netmaskOf(vpcCidr));
  return privateNetmask > netmaskOf(vpcCidr) ? blocks - 1 : 0;
}

export function subnetLayout(
  vpcCidr: string,
  availabilityZones: readonly string[],
  privateNetmask: number,
  publicNetmask: number,
): SubnetLayout {
  const capacity = privateSubnetCapacity(vpcCidr, privateNetmask);
  if (availabilityZones.length > capacity) {
    throw new Error(`${vpcCidr} holds ${capacity} /${privateNetmask} private subnets, not ${availabilityZones.length}`);
  }
  // Only the blocks in use are built: splitting the public block into every /26 cost more than
  // the rest of the layout together (bench, 100 regions).
  const vpc = rangeOf(vpcCidr);
  const privateBlocks = blocksFrom(vpc.getFirst(), privateNetmask, availabilityZones.length);
  const lastBlock = blocksFrom(vpc.getFirst(), privateNetmask, capacity + 1)[capacity];
  // Public subnets grow from the start of the last block, PrivateLink subnets from its middle: each
  // half holds far more than a region's AZs (/20 and /24 at the extremes: 8 public subnets per half).
  const [lowerHalf, upperHalf] = blocksFrom(lastBlock.getFirst(), privateNetmask + 1, 2);
  const publicBlocks = blocksFrom(lowerHalf.getFirst(), publicNetmask, availabilityZones.length);
  const privateLinkBlocks = blocksFrom(upperHalf.getFirst(), PRIVATE_LINK_SUBNET_NETMASK, availabilityZones.length);
  const fits = (blocks: IPv4CidrRange[], half: IPv4CidrRange) => blocks.every((block) => half.contains(block));
  if (!fits(publicBlocks, lowerHalf) || !fits(privateLinkBlocks, upperHalf)) {
    throw new Error(`${lastBlock.toCidrString()} cannot hold ${availabilityZones.length} public and PrivateLink subnets`);
  }
  const placed = (blocks: IPv4CidrRange[]) => availabilityZones.map((availabilityZone, i) => ({ availabilityZone, cidr: blocks[i].toCidrString() }));
  return {
    privateSubnets: placed(privateBlocks),
    publicSubnets: placed(publicBlocks),
    privateLinkSubnets: placed(privateLinkBlocks),
  };
}

/**
 * VPC address layout. Private subnets are taken from the start of the VPC in AZ order; the VPC's
 * last private-sized block holds the small ones: public subnets from its start, PrivateLink endpoint
 * subnets from its middle, each in AZ order. Adding an AZ at the end of the list therefore never moves
 * an existing subnet, and the PrivateLink subnets moved none when they arrived (a moved subnet is a
 * replaced subnet, and a replaced network configuration).
 */
import { IPv4CidrRange, Validator } from "ip-num";
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

/**
 * First and last address of each CIDR, as numbers, kept. ip-num's `isOverlapping` builds BigInt
 * ranges on every call: with 200 VPCs (100 regions) the 19,900 pairs took ~0.8 s of a synth (bench
 * profile); comparing kept bounds takes milliseconds.
 */
const rangeBounds = new Map<string, { readonly first: bigint; readonly last: bigint }>();

function boundsOf(cidr: string): { readonly first: bigint; readonly last: bigint } {
  let bounds = rangeBounds.get(cidr);
  if (!bounds) {
    const range = rangeOf(cidr);
    bounds = { first: range.getFirst().value, last: range.getLast().value };
    rangeBounds.set(cidr, bounds);
  }
  return bounds;
}

export function cidrsOverlap(a: string, b: string): boolean {
  const x = boundsOf(a);
  const y = boundsOf(b);
  return x.first <= y.last && y.first <= x.last;
}

export function cidrContains(outer: string, inner: string): boolean {
  const x = boundsOf(outer);
  const y = boundsOf(inner);
  return x.first <= y.first && y.last <= x.last;
}

/** Addresses in a block of size /`netmask`. */
const blockSize = (netmask: number) => 2n ** BigInt(32 - netmask);

/** `a.b.c.d/netmask` of the block starting at address `first`. */
function cidrText(first: bigint, netmask: number): string {
  return `${[24n, 16n, 8n, 0n].map((shift) => (first >> shift) & 255n).join(".")}/${netmask}`;
}

/** The first addresses of the `count` consecutive blocks of size /`netmask` that start at `first`. */
function blocksFrom(first: bigint, netmask: number, count: number): bigint[] {
  return Array.from({ length: count }, (_, i) => first + BigInt(i) * blockSize(netmask));
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
  // Block arithmetic on the VPC's first address: building ip-num ranges block by block cost ~3 ms
  // per workspace, the larger part of the domain's share of a synth (bench profile).
  const vpcFirst = boundsOf(vpcCidr).first;
  const privateBlocks = blocksFrom(vpcFirst, privateNetmask, availabilityZones.length);
  const lastBlock = vpcFirst + BigInt(capacity) * blockSize(privateNetmask);
  // Public subnets grow from the start of the last block, PrivateLink subnets from its middle: each
  // half holds far more than a region's AZs (/20 and /24 at the extremes: 8 public subnets per half).
  const halfSize = blockSize(privateNetmask + 1);
  const [lowerHalf, upperHalf] = [lastBlock, lastBlock + halfSize];
  const publicBlocks = blocksFrom(lowerHalf, publicNetmask, availabilityZones.length);
  const privateLinkBlocks = blocksFrom(upperHalf, PRIVATE_LINK_SUBNET_NETMASK, availabilityZones.length);
  const fits = (blocks: bigint[], netmask: number, half: bigint) => blocks.every((block) => block >= half && block + blockSize(netmask) <= half + halfSize);
  if (!fits(publicBlocks, publicNetmask, lowerHalf) || !fits(privateLinkBlocks, PRIVATE_LINK_SUBNET_NETMASK, upperHalf)) {
    throw new Error(`${cidrText(lastBlock, privateNetmask)} cannot hold ${availabilityZones.length} public and PrivateLink subnets`);
  }
  const placed = (blocks: bigint[], netmask: number) => availabilityZones.map((availabilityZone, i) => ({ availabilityZone, cidr: cidrText(blocks[i], netmask) }));
  return {
    privateSubnets: placed(privateBlocks, privateNetmask),
    publicSubnets: placed(publicBlocks, publicNetmask),
    privateLinkSubnets: placed(privateLinkBlocks, PRIVATE_LINK_SUBNET_NETMASK),
  };
}

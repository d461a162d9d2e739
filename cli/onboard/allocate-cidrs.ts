/**
 * VPC CIDRs for a new region's workspaces: the first free blocks of the address pool, aligned to the
 * block size, that overlap no VPC already in regions.yaml (inside the pool or not). CIDR math stays in
 * ip-num, like domain/network.ts.
 */
import { IPv4CidrRange, IPv4Prefix } from "ip-num";
import { cidrsOverlap, netmaskOf } from "../../domain/network";
import { UserError } from "../kit/errors";

/** AWS's largest VPC; the size used when the file gives nothing to copy. */
export const DEFAULT_VPC_NETMASK = 16;

/**
 * The size the existing workspaces use: the most common netmask, the larger block on a tie, so a new
 * region looks like the others.
 */
export function vpcNetmaskLike(existing: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const cidr of existing) counts.set(netmaskOf(cidr), (counts.get(netmaskOf(cidr)) ?? 0) + 1);
  const ranked = [...counts].sort(([maskA, countA], [maskB, countB]) => countB - countA || maskA - maskB);
  return ranked[0]?.[0] ?? DEFAULT_VPC_NETMASK;
}

export interface Allocation {
  readonly pool: string;
  readonly netmask: number;
  /** VPCs already in the file: never overlapped. */
  readonly used: readonly string[];
  readonly count: number;
}

/** `count` free /netmask blocks from `pool`, lowest first; a one-line `UserError` when they do not fit. */
export function allocateVpcCidrs({ pool, netmask, used, count }: Allocation): string[] {
  const poolRange = IPv4CidrRange.fromCidr(pool);
  if (netmask < netmaskOf(pool)) {
    throw new UserError(`network.addressPool ${pool} is smaller than one /${netmask} VPC: widen the pool`);
  }
  const taken = [...used];
  const found: string[] = [];
  let candidate: IPv4CidrRange | undefined = new IPv4CidrRange(poolRange.getFirst(), IPv4Prefix.fromNumber(BigInt(netmask)));
  while (candidate && found.length < count && poolRange.contains(candidate)) {
    const cidr = candidate.toCidrString();
    if (!taken.some((other) => cidrsOverlap(cidr, other))) {
      found.push(cidr);
      taken.push(cidr);
    }
    candidate = candidate.nextRange();
  }
  if (found.length < count) {
    throw new UserError(
      `network.addressPool ${pool} is exhausted: ${count} free /${netmask} block(s) needed, ${found.length} left next to the ${used.length} VPC(s) in the file; widen the pool`,
    );
  }
  return found;
}

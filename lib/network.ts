/**
 * VPC address layout. Private subnets are taken from the start of the VPC in AZ order, public
 * subnets from its last private-sized block, so adding an AZ at the end of the list never moves an
 * existing subnet (a moved subnet is a replaced subnet, and a replaced network configuration).
 */
import { IPv4CidrRange, IPv4Prefix, Validator } from "ip-num";

export interface SubnetPlacement {
  readonly availabilityZone: string;
  readonly cidr: string;
}

export interface SubnetLayout {
  readonly privateSubnets: readonly SubnetPlacement[];
  readonly publicSubnets: readonly SubnetPlacement[];
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

export function cidrsOverlap(a: string, b: string): boolean {
  return IPv4CidrRange.fromCidr(a).isOverlapping(IPv4CidrRange.fromCidr(b));
}

export function cidrContains(outer: string, inner: string): boolean {
  return IPv4CidrRange.fromCidr(outer).contains(IPv4CidrRange.fromCidr(inner));
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
  const blocks = IPv4CidrRange.fromCidr(vpcCidr).splitInto(IPv4Prefix.fromNumber(BigInt(privateNetmask)));
  const publicBlock = blocks[blocks.length - 1].splitInto(IPv4Prefix.fromNumber(BigInt(publicNetmask)));
  return {
    privateSubnets: availabilityZones.map((availabilityZone, i) => ({ availabilityZone, cidr: blocks[i].toCidrString() })),
    publicSubnets: availabilityZones.map((availabilityZone, i) => ({ availabilityZone, cidr: publicBlock[i].toCidrString() })),
  };
}

import fc from "fast-check";
import { IPv4CidrRange } from "ip-num";
import { describe, expect, test } from "vitest";
import { cidrContains, cidrProblem, cidrsOverlap, privateSubnetCapacity, subnetLayout } from "../../domain/network";
import { shippedConfig } from "../utils";

describe("network: subnet layout from a pinned VPC CIDR", () => {
  test("private /18s from the start in AZ order, public /26s from the last block", () => {
    const layout = subnetLayout("10.11.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"], 18, 26);
    expect(layout.privateSubnets).toEqual([
      { availabilityZone: "us-east-1a", cidr: "10.11.0.0/18" },
      { availabilityZone: "us-east-1b", cidr: "10.11.64.0/18" },
      { availabilityZone: "us-east-1c", cidr: "10.11.128.0/18" },
    ]);
    expect(layout.publicSubnets.map((s) => s.cidr)).toEqual(["10.11.192.0/26", "10.11.192.64/26", "10.11.192.128/26"]);
  });

  test("PrivateLink /26s from the middle of the last block, in AZ order", () => {
    const layout = subnetLayout("10.11.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"], 18, 26);
    expect(layout.privateLinkSubnets).toEqual([
      { availabilityZone: "us-east-1a", cidr: "10.11.224.0/26" },
      { availabilityZone: "us-east-1b", cidr: "10.11.224.64/26" },
      { availabilityZone: "us-east-1c", cidr: "10.11.224.128/26" },
    ]);
  });

  test("adding an AZ at the end moves no existing subnet", () => {
    const two = subnetLayout("10.0.0.0/16", ["a1", "b1"], 18, 26);
    const three = subnetLayout("10.0.0.0/16", ["a1", "b1", "c1"], 18, 26);
    expect(three.privateSubnets.slice(0, 2)).toEqual(two.privateSubnets);
    expect(three.publicSubnets.slice(0, 2)).toEqual(two.publicSubnets);
    expect(three.privateLinkSubnets.slice(0, 2)).toEqual(two.privateLinkSubnets);
  });

  test("capacity leaves one block for public subnets", () => {
    expect(privateSubnetCapacity("10.0.0.0/16", 18)).toBe(3);
    expect(privateSubnetCapacity("10.0.0.0/16", 17)).toBe(1);
    expect(privateSubnetCapacity("10.0.0.0/18", 18)).toBe(0);
    expect(() => subnetLayout("10.0.0.0/16", ["a", "b", "c", "d"], 18, 26)).toThrow("10.0.0.0/16 holds 3 /18 private subnets, not 4");
  });

  test("overlap covers containment and equality, not neighbours", () => {
    expect(cidrsOverlap("10.0.0.0/16", "10.0.128.0/17")).toBe(true);
    expect(cidrsOverlap("10.0.0.0/16", "10.0.0.0/16")).toBe(true);
    expect(cidrsOverlap("10.0.0.0/16", "10.1.0.0/16")).toBe(false);
    expect(cidrsOverlap("10.0.255.0/24", "10.1.0.0/16")).toBe(false);
    expect(cidrsOverlap("0.0.0.0/0", "255.255.255.255/32")).toBe(true);
  });

  test("overlap and containment from kept bounds agree with ip-num's own range arithmetic", () => {
    // A network address of any prefix length: the address with its host bits cleared.
    const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => {
      const network = prefix === 0 ? 0 : (address >>> (32 - prefix)) * 2 ** (32 - prefix);
      return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".")}/${prefix}`;
    });
    fc.assert(
      fc.property(cidr, cidr, (a, b) => {
        const [x, y] = [IPv4CidrRange.fromCidr(a), IPv4CidrRange.fromCidr(b)];
        expect(cidrsOverlap(a, b)).toBe(x.isOverlapping(y));
        expect(cidrContains(a, b)).toBe(x.contains(y));
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ["10.0.0.0/16", undefined],
    ["10.0.0/16", "expected an IPv4 CIDR block such as 10.20.0.0/16"],
    ["10.0.0.300/16", "expected an IPv4 CIDR block (Value given contains an invalid Octet; Value is less than zero or is greater than 8bit)"],
    ["10.0.0.0/33", "expected an IPv4 CIDR block (A Prefix value cannot be less than 0 or greater than 32)"],
    ["10.0.5.0/16", "expected a network address; the block containing it is 10.0.0.0/16"],
  ])("cidrProblem(%s)", (cidr, problem) => {
    expect(cidrProblem(cidr)).toBe(problem);
  });
});

/**
 * The private and public subnets of the shipped regions.yaml as synthesized before PrivateLink
 * subnets existed (this branch's base, 5eedb0e: `aws_subnet` cidr_block of each workspace stack): the PrivateLink
 * subnets had to arrive without moving any of them.
 */
const BEFORE_PRIVATE_LINK_SUBNETS: Readonly<Record<string, { private: string[]; public: string[] }>> = {
  "10.10.0.0/16": { private: ["10.10.0.0/18", "10.10.64.0/18", "10.10.128.0/18"], public: ["10.10.192.0/26", "10.10.192.64/26", "10.10.192.128/26"] },
  "10.11.0.0/16": { private: ["10.11.0.0/18", "10.11.64.0/18", "10.11.128.0/18"], public: ["10.11.192.0/26", "10.11.192.64/26", "10.11.192.128/26"] },
  "10.20.0.0/16": { private: ["10.20.0.0/18", "10.20.64.0/18", "10.20.128.0/18"], public: ["10.20.192.0/26", "10.20.192.64/26", "10.20.192.128/26"] },
  "10.21.0.0/16": { private: ["10.21.0.0/18", "10.21.64.0/18", "10.21.128.0/18"], public: ["10.21.192.0/26", "10.21.192.64/26", "10.21.192.128/26"] },
  "10.30.0.0/16": { private: ["10.30.0.0/18", "10.30.64.0/18", "10.30.128.0/18"], public: ["10.30.192.0/26", "10.30.192.64/26", "10.30.192.128/26"] },
  "10.31.0.0/16": { private: ["10.31.0.0/18", "10.31.64.0/18", "10.31.128.0/18"], public: ["10.31.192.0/26", "10.31.192.64/26", "10.31.192.128/26"] },
};

describe("network: PrivateLink subnets arrived without moving a subnet", () => {
  const config = shippedConfig();
  const vpcs = config.regions.flatMap((region) => Object.values(region.workspaces).map((w) => ({ vpcCidr: w.vpcCidr, zones: region.availabilityZones })));

  test.each(vpcs)("$vpcCidr: private and public subnets are where they were; the PrivateLink ones are new space", ({ vpcCidr, zones }) => {
    const layout = subnetLayout(vpcCidr, zones, config.network.privateSubnetNetmask, config.network.publicSubnetNetmask);
    const before = BEFORE_PRIVATE_LINK_SUBNETS[vpcCidr];
    expect(layout.privateSubnets.map((s) => s.cidr)).toEqual(before.private);
    expect(layout.publicSubnets.map((s) => s.cidr)).toEqual(before.public);
    for (const subnet of layout.privateLinkSubnets) {
      expect(cidrContains(vpcCidr, subnet.cidr)).toBe(true);
      for (const other of [...before.private, ...before.public]) expect(cidrsOverlap(subnet.cidr, other), `${subnet.cidr} vs ${other}`).toBe(false);
    }
  });

  test("for any valid VPC, netmasks and AZ count: the three kinds never overlap and stay inside the VPC", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 18 }),
        fc.integer({ min: 17, max: 20 }),
        fc.integer({ min: 24, max: 28 }),
        fc.integer({ min: 2, max: 6 }),
        (vpcNetmask, privateNetmask, publicNetmask, zoneCount) => {
          const vpcCidr = `10.0.0.0/${vpcNetmask}`;
          fc.pre(privateSubnetCapacity(vpcCidr, privateNetmask) >= zoneCount);
          const zones = Array.from({ length: zoneCount }, (_, i) => `zone-${i}`);
          const layout = subnetLayout(vpcCidr, zones, privateNetmask, publicNetmask);
          const all = [...layout.privateSubnets, ...layout.publicSubnets, ...layout.privateLinkSubnets].map((s) => s.cidr);
          for (const [i, cidr] of all.entries()) {
            expect(cidrContains(vpcCidr, cidr)).toBe(true);
            for (const other of all.slice(i + 1)) expect(cidrsOverlap(cidr, other)).toBe(false);
          }
        },
      ),
    );
  });
});

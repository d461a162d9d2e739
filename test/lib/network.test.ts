import { describe, expect, test } from "vitest";
import { cidrProblem, cidrsOverlap, privateSubnetCapacity, subnetLayout } from "../../lib/network";

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

  test("adding an AZ at the end moves no existing subnet", () => {
    const two = subnetLayout("10.0.0.0/16", ["a1", "b1"], 18, 26);
    const three = subnetLayout("10.0.0.0/16", ["a1", "b1", "c1"], 18, 26);
    expect(three.privateSubnets.slice(0, 2)).toEqual(two.privateSubnets);
    expect(three.publicSubnets.slice(0, 2)).toEqual(two.publicSubnets);
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

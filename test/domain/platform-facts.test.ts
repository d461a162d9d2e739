import { describe, expect, test } from "vitest";
import {
  AVAILABILITY_ZONE_LETTERS,
  availabilityZonesOf,
  CONTROL_PLANE_PORTS,
  DATABRICKS_AWS_REGIONS,
  EC2_INSTANCE_TYPE_PATTERN,
  KNOWN_AWS_REGIONS,
  PRIVATE_LINK_SERVICES,
} from "../../domain/platform-facts";
import { RULE_IDS } from "../../domain/rule-ids";
import { RULE_PACK } from "../../rules/pack";
import { DATABRICKS_EGRESS } from "../../constructs/aws/workspace-security-group";
import { ZONE_CHOICES } from "../../cli/onboard/availability-zones";

describe("platform facts: the tables agree with each other", () => {
  test("every Databricks region is a known AWS region with an AZ table, and the AZ table holds no other", () => {
    for (const region of DATABRICKS_AWS_REGIONS) expect(KNOWN_AWS_REGIONS).toContain(region);
    expect(Object.keys(AVAILABILITY_ZONE_LETTERS).sort()).toEqual([...DATABRICKS_AWS_REGIONS].sort());
  });

  test("PrivateLink services exist only for Databricks regions", () => {
    for (const region of Object.keys(PRIVATE_LINK_SERVICES)) expect(DATABRICKS_AWS_REGIONS).toContain(region);
  });

  test("the zones onboard proposes exist in their region", () => {
    for (const [region, choice] of Object.entries(ZONE_CHOICES)) {
      for (const letter of choice.suffixes) expect(availabilityZonesOf(region), region).toContain(`${region}${letter}`);
    }
  });

  test("AZ names are the region plus a letter; a region the table does not hold has none", () => {
    expect(availabilityZonesOf("ca-central-1")).toEqual(["ca-central-1a", "ca-central-1b", "ca-central-1d"]);
    expect(availabilityZonesOf("af-south-1")).toBeUndefined();
    expect(availabilityZonesOf("constructor")).toBeUndefined();
  });

  test("the workspace security group's egress holds the control-plane ports once each, plus DNS", () => {
    const tcp = DATABRICKS_EGRESS.filter((rule) => rule.protocol === "tcp" && rule.from !== 53);
    expect(tcp.map(({ from, to }) => ({ from, to }))).toEqual(CONTROL_PLANE_PORTS.map(({ from, to }) => ({ from, to })));
    expect(DATABRICKS_EGRESS.filter((rule) => rule.from === 53).map((rule) => rule.protocol)).toEqual(["tcp", "udp"]);
  });

  test("the rule IDs validation knows are exactly the pack's, in order", () => {
    expect(RULE_PACK.map((rule) => rule.id)).toEqual([...RULE_IDS]);
  });
});

describe("EC2_INSTANCE_TYPE_PATTERN: <family>.<size>", () => {
  test.each(["m6i.xlarge", "r6gd.2xlarge", "c7i-flex.large", "u-6tb1.metal", "mac2-m2pro.metal", "i4i.metal-24xl", "p4d.24xlarge", "t3.nano"])(
    "accepts %s",
    (name) => expect(EC2_INSTANCE_TYPE_PATTERN.test(name)).toBe(true),
  );
  test.each(["m6i.huge", "m6i", "xlarge.m6i", "m.xlarge", "M6i.xlarge", "m6i.xlarge ", "m6i..xlarge", "m6i.metal-24"])(
    "rejects %s",
    (name) => expect(EC2_INSTANCE_TYPE_PATTERN.test(name)).toBe(false),
  );
});

import { describe, expect, test } from "vitest";
import { WorkspaceNetwork } from "../../constructs/aws/workspace-network";
import { subnetLayout } from "../../domain/network";
import { addressOf, synthConstruct } from "../utils";
import { expectCase, NAMES, resources, verdict, type RuleCase } from "./helpers";

const subnet = (cidr: string, zone: string) => ({ vpc_id: "${aws_vpc.v.id}", cidr_block: cidr, availability_zone: zone });
const workspaceNetwork = (subnets: Record<string, Record<string, unknown>>) => ({
  resource: {
    aws_subnet: subnets,
    databricks_mws_networks: { n: { subnet_ids: Object.keys(subnets).map((name) => `\${aws_subnet.${name}.id}`) } },
  },
});
const vpcWith = (extra: Record<string, Record<string, unknown>>) => resources({ aws_vpc: { v: { cidr_block: "10.0.0.0/16" } }, ...extra });

const CASES: RuleCase[] = [
  { name: "a /18 cluster subnet", rule: "NET-1", json: workspaceNetwork({ a: subnet("10.0.0.0/18", "us-east-1a") }), address: "aws_subnet.a", status: "compliant" },
  { name: "a /24 cluster subnet", rule: "NET-1", json: workspaceNetwork({ a: subnet("10.0.0.0/24", "us-east-1a") }), address: "aws_subnet.a", status: "non-compliant", detail: "10.0.0.0/24 is /24, smaller than /20" },
  { name: "a /26 subnet no workspace uses (NAT)", rule: "NET-1", json: { resource: { aws_subnet: { nat: subnet("10.0.192.0/26", "us-east-1a") } } }, address: "aws_subnet.nat", status: "not-applicable" },
  { name: "cluster subnets in two AZs", rule: "NET-2", json: workspaceNetwork({ a: subnet("10.0.0.0/18", "us-east-1a"), b: subnet("10.0.64.0/18", "us-east-1b") }), address: "databricks_mws_networks.n", status: "compliant" },
  { name: "two cluster subnets in one AZ", rule: "NET-2", json: workspaceNetwork({ a: subnet("10.0.0.0/18", "us-east-1a"), b: subnet("10.0.64.0/18", "us-east-1a") }), address: "databricks_mws_networks.n", status: "non-compliant", detail: "in 1 AZ(s): us-east-1a" },
  { name: "ingress from the group itself", rule: "NET-3", json: resources({ aws_vpc_security_group_ingress_rule: { i: { referenced_security_group_id: "${aws_security_group.g.id}" } } }), address: "aws_vpc_security_group_ingress_rule.i", status: "compliant" },
  { name: "ingress rule from 0.0.0.0/0", rule: "NET-3", json: resources({ aws_vpc_security_group_ingress_rule: { i: { cidr_ipv4: "0.0.0.0/0", from_port: 22 } } }), address: "aws_vpc_security_group_ingress_rule.i", status: "non-compliant", detail: "ingress from 0.0.0.0/0" },
  { name: "inline ingress from ::/0", rule: "NET-3", json: resources({ aws_security_group: { g: { ingress: [{ ipv6_cidr_blocks: ["::/0"] }] } } }), address: "aws_security_group.g", status: "non-compliant", detail: "ingress from ::/0" },
  { name: "legacy rule of type ingress from 0.0.0.0/0", rule: "NET-3", json: resources({ aws_security_group_rule: { r: { type: "ingress", cidr_blocks: ["10.0.0.0/8", "0.0.0.0/0"] } } }), address: "aws_security_group_rule.r", status: "non-compliant", detail: "ingress from 0.0.0.0/0" },
  { name: "egress to 0.0.0.0/0 is not ingress", rule: "NET-3", json: resources({ aws_security_group_rule: { r: { type: "egress", cidr_blocks: ["0.0.0.0/0"] } } }), address: "aws_security_group_rule.r", status: "compliant" },
  { name: "a VPC with its flow log", rule: "NET-4", json: vpcWith({ aws_flow_log: { f: { vpc_id: "${aws_vpc.v.id}", traffic_type: "ALL" } } }), address: "aws_vpc.v", status: "compliant" },
  { name: "a flow log of another VPC", rule: "NET-4", json: vpcWith({ aws_flow_log: { f: { vpc_id: "${aws_vpc.other.id}" } } }), address: "aws_vpc.v", status: "non-compliant", detail: "no aws_flow_log has vpc_id = aws_vpc.v.id" },
  { name: "a VPC whose default group is managed and empty", rule: "NET-5", json: vpcWith({ aws_default_security_group: { d: { vpc_id: "${aws_vpc.v.id}" } } }), address: "aws_vpc.v", status: "compliant" },
  { name: "a VPC whose default group is left open", rule: "NET-5", json: vpcWith({}), address: "aws_vpc.v", status: "non-compliant", detail: "no aws_default_security_group" },
  { name: "a default group with an ingress rule", rule: "NET-5", json: vpcWith({ aws_default_security_group: { d: { vpc_id: "${aws_vpc.v.id}", ingress: [{ self: true, protocol: "-1" }] } } }), address: "aws_default_security_group.d", status: "non-compliant", detail: "has ingress rules" },
];

describe("network rules: isolated, observable, sized for Databricks", () => {
  test.each(CASES)("$rule: $name → $status", (c) => expectCase(c));

  test("WorkspaceNetwork as synthesized passes every network rule on every block", () => {
    const stack = synthConstruct((scope) => {
      new WorkspaceNetwork(scope, "network", {
        names: NAMES,
        awsRegion: "us-east-1",
        vpcCidr: "10.11.0.0/16",
        subnets: subnetLayout("10.11.0.0/16", ["us-east-1a", "us-east-1b"], 18, 26),
        natGateways: "perAz",
        flowLogRetentionDays: 90,
      });
    });
    const vpc = addressOf(stack, "aws_vpc");
    const defaultGroup = addressOf(stack, "aws_default_security_group");
    const group = addressOf(stack, "aws_security_group");
    expect(["NET-4", "NET-5"].map((id) => verdict(id, stack, vpc).status)).toEqual(["compliant", "compliant"]);
    expect(verdict("NET-5", stack, defaultGroup).status).toBe("compliant");
    expect(verdict("NET-3", stack, group).status).toBe("compliant");
  });
});

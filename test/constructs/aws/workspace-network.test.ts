import { describe, expect, test } from "vitest";
import { WorkspaceNetwork, type WorkspaceNetworkProps } from "../../../constructs/aws/workspace-network";
import { workspaceResourceNames } from "../../../domain/naming";
import { cidrContains, netmaskOf, subnetLayout } from "../../../domain/network";
import { addressOf, ref, resourcesOf, synthConstruct, type StackJson } from "../../utils";

const AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

function synthNetwork(overrides: Partial<WorkspaceNetworkProps> = {}): StackJson {
  return synthConstruct((scope) => {
    new WorkspaceNetwork(scope, "network", {
      names: workspaceResourceNames({ company: "acme", domain: "data", awsRegion: "eu-west-1", environment: "dev" }),
      awsRegion: "eu-west-1",
      vpcCidr: "10.20.0.0/16",
      subnets: subnetLayout("10.20.0.0/16", AZS, 18, 26),
      natGateways: "single",
      flowLogRetentionDays: 90,
      ...overrides,
    });
  });
}

const privateSubnets = (stack: StackJson) =>
  resourcesOf(stack, "aws_subnet").filter((s) => String((s.tags as Record<string, string>).Name).includes("-private-"));

describe("WorkspaceNetwork: the customer-managed VPC Databricks requires", () => {
  const stack = synthNetwork();
  const vpc = addressOf(stack, "aws_vpc");

  test("the VPC has the pinned CIDR and DNS hostnames and support on", () => {
    expect(resourcesOf(stack, "aws_vpc")).toEqual([
      expect.objectContaining({
        cidr_block: "10.20.0.0/16",
        enable_dns_hostnames: true,
        enable_dns_support: true,
        tags: { Name: "acme-data-euw1-dev-vpc" },
      }),
    ]);
  });

  test("one private subnet per AZ, in distinct AZs, /20 or larger, inside the VPC", () => {
    const subnets = privateSubnets(stack);
    expect(subnets.map((s) => s.availability_zone)).toEqual(AZS);
    for (const subnet of subnets) {
      expect(netmaskOf(String(subnet.cidr_block))).toBeLessThanOrEqual(20);
      expect(cidrContains("10.20.0.0/16", String(subnet.cidr_block))).toBe(true);
      expect(subnet.vpc_id).toBe(ref(vpc, "id"));
    }
  });

  test("dev egress uses a single NAT gateway; every private route table points at it", () => {
    expect(resourcesOf(stack, "aws_nat_gateway")).toHaveLength(1);
    const nat = addressOf(stack, "aws_nat_gateway");
    const privateRoutes = resourcesOf(stack, "aws_route").filter((r) => r.nat_gateway_id);
    expect(privateRoutes).toHaveLength(3);
    expect(privateRoutes.every((r) => r.nat_gateway_id === ref(nat, "id"))).toBe(true);
  });

  test("perAz puts a NAT gateway in each AZ and routes each AZ to its own", () => {
    const perAz = synthNetwork({ natGateways: "perAz" });
    const nats = Object.keys(perAz.resource?.aws_nat_gateway ?? {}).map((name) => ref(`aws_nat_gateway.${name}`, "id"));
    expect(nats).toHaveLength(3);
    const targets = resourcesOf(perAz, "aws_route").flatMap((r) => (r.nat_gateway_id ? [r.nat_gateway_id] : []));
    expect(new Set(targets)).toEqual(new Set(nats));
  });

  test("the public route table goes out through the internet gateway", () => {
    expect(resourcesOf(stack, "aws_route")).toContainEqual(
      expect.objectContaining({ destination_cidr_block: "0.0.0.0/0", gateway_id: ref(addressOf(stack, "aws_internet_gateway"), "id") }),
    );
    expect(resourcesOf(stack, "aws_subnet").every((s) => s.map_public_ip_on_launch !== true)).toBe(true);
  });

  test("the security group admits only itself and leaves only on the ports Databricks needs", () => {
    const ingress = resourcesOf(stack, "aws_vpc_security_group_ingress_rule");
    expect(ingress.every((rule) => rule.referenced_security_group_id && !rule.cidr_ipv4)).toBe(true);
    const outbound = resourcesOf(stack, "aws_vpc_security_group_egress_rule")
      .filter((rule) => rule.cidr_ipv4 === "0.0.0.0/0")
      .map((rule) => `${rule.ip_protocol}/${rule.from_port}-${rule.to_port}`);
    expect(outbound.sort()).toEqual(["tcp/2443-2443", "tcp/443-443", "tcp/53-53", "tcp/6666-6666", "tcp/8443-8451", "udp/53-53"]);
  });

  test("the default security group is closed", () => {
    expect(resourcesOf(stack, "aws_default_security_group")).toEqual([
      expect.not.objectContaining({ ingress: expect.anything() }),
    ]);
    expect(resourcesOf(stack, "aws_default_security_group")[0]).not.toHaveProperty("egress");
  });

  test("S3 gateway, STS and Kinesis interface endpoints serve the private subnets", () => {
    const endpoints = resourcesOf(stack, "aws_vpc_endpoint");
    expect(endpoints.map((e) => [e.service_name, e.vpc_endpoint_type])).toEqual(
      expect.arrayContaining([
        ["com.amazonaws.eu-west-1.s3", "Gateway"],
        ["com.amazonaws.eu-west-1.sts", "Interface"],
        ["com.amazonaws.eu-west-1.kinesis-streams", "Interface"],
      ]),
    );
    expect(endpoints.filter((e) => e.vpc_endpoint_type === "Interface").every((e) => (e.subnet_ids as string[]).length === 3)).toBe(true);
  });

  test("flow logs capture all VPC traffic into a retained log group", () => {
    expect(resourcesOf(stack, "aws_flow_log")).toEqual([
      expect.objectContaining({ vpc_id: ref(vpc, "id"), traffic_type: "ALL", log_destination_type: "cloud-watch-logs" }),
    ]);
    expect(resourcesOf(stack, "aws_cloudwatch_log_group")).toEqual([
      expect.objectContaining({ name: "/vpc/acme-data-euw1-dev/flow-logs", retention_in_days: 90 }),
    ]);
  });
});

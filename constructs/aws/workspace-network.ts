import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import type { SubnetLayout } from "../../domain/network";
import { WorkspaceSecurityGroup } from "./workspace-security-group";
import { VpcEndpoints } from "./vpc-endpoints";
import { importExisting } from "../import-block";

/** The names a workspace network gives (domain/naming.ts workspaceResourceNames fits). */
export interface WorkspaceNetworkNames {
  readonly vpc: string;
  readonly defaultSecurityGroup: string;
  readonly internetGateway: string;
  readonly publicRouteTable: string;
  readonly publicSubnet: (az: string) => string;
  readonly natGateway: (az: string) => string;
  readonly privateSubnet: (az: string) => string;
  readonly privateRouteTable: (az: string) => string;
  readonly securityGroup: string;
  readonly endpoint: (service: string) => string;
  readonly flowLogGroup: string;
  readonly flowLogRole: string;
}

export interface WorkspaceNetworkProps {
  readonly names: WorkspaceNetworkNames;
  readonly awsRegion: string;
  readonly vpcCidr: string;
  readonly subnets: SubnetLayout;
  /** `single` NAT gateway for the VPC, or one `perAz` so an AZ outage does not cut egress. */
  readonly natGateways: "single" | "perAz";
  readonly flowLogRetentionDays: number;
  /**
   * Egress to the legacy Hive metastore (3306) from the workspace security group.
   * @default false
   */
  readonly legacyHiveMetastore?: boolean;
  /**
   * The ids of a network that exists (an adopted workspace's): its VPC, its private subnets in AZ
   * order and its workspace security group are imported and kept from destruction. Their CIDRs and
   * zones must be the layout's: a difference would replace them, and terraform refuses that plan.
   * The rest of the network is created in that VPC.
   * @default a new VPC
   */
  readonly existing?: { readonly vpcId: string; readonly privateSubnetIds: readonly string[]; readonly securityGroupId: string };
}

/**
 * The customer-managed VPC Databricks requires: private subnets (one per AZ, at least two) for
 * cluster nodes, egress through NAT, the workspace security group, S3/STS/Kinesis endpoints and
 * flow logs. The layout is computed before synth (domain/network.ts), so CIDRs never move.
 */
export class WorkspaceNetwork extends Construct {
  public readonly vpcId: string;
  /** The cluster subnets, in AZ order: what the Databricks network registration lists. */
  public readonly privateSubnetIds: readonly string[];
  /** The workspace security group: cluster nodes and the VPC endpoints. */
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: WorkspaceNetworkProps) {
    super(scope, id);
    const { names } = props;

    const vpc = new Vpc(this, "vpc", {
      cidrBlock: props.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: names.vpc },
    });
    if (props.existing) importExisting(vpc, props.existing.vpcId);
    // An open default security group is a trap for anything launched without one: close it.
    new DefaultSecurityGroup(this, "default-security-group", {
      vpcId: vpc.id,
      tags: { Name: names.defaultSecurityGroup },
    });

    const internetGateway = new InternetGateway(this, "internet-gateway", {
      vpcId: vpc.id,
      tags: { Name: names.internetGateway },
    });
    const publicRouteTable = new RouteTable(this, "public-route-table", {
      vpcId: vpc.id,
      tags: { Name: names.publicRouteTable },
    });
    new Route(this, "public-default-route", {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: internetGateway.id,
    });

    const publicSubnets = props.subnets.publicSubnets.map((placement) => {
      const subnet = new Subnet(this, `public-${placement.availabilityZone}`, {
        vpcId: vpc.id,
        cidrBlock: placement.cidr,
        availabilityZone: placement.availabilityZone,
        mapPublicIpOnLaunch: false,
        tags: { Name: names.publicSubnet(placement.availabilityZone) },
      });
      new RouteTableAssociation(this, `public-${placement.availabilityZone}-route`, {
        subnetId: subnet.id,
        routeTableId: publicRouteTable.id,
      });
      return subnet;
    });

    const natCount = props.natGateways === "perAz" ? publicSubnets.length : 1;
    const natGateways = publicSubnets.slice(0, natCount).map((subnet, i) => {
      const az = props.subnets.publicSubnets[i].availabilityZone;
      const eip = new Eip(this, `nat-${az}-ip`, { domain: "vpc", tags: { Name: names.natGateway(az) } });
      return new NatGateway(this, `nat-${az}`, {
        allocationId: eip.allocationId,
        subnetId: subnet.id,
        tags: { Name: names.natGateway(az) },
        dependsOn: [internetGateway],
      });
    });

    const privateSubnets: Subnet[] = [];
    const privateRouteTables: RouteTable[] = [];
    props.subnets.privateSubnets.forEach((placement, i) => {
      const az = placement.availabilityZone;
      const subnet = new Subnet(this, `private-${az}`, {
        vpcId: vpc.id,
        cidrBlock: placement.cidr,
        availabilityZone: az,
        tags: { Name: names.privateSubnet(az) },
      });
      if (props.existing) importExisting(subnet, props.existing.privateSubnetIds[i]);
      const routeTable = new RouteTable(this, `private-${az}-routes`, {
        vpcId: vpc.id,
        tags: { Name: names.privateRouteTable(az) },
      });
      new Route(this, `private-${az}-default-route`, {
        routeTableId: routeTable.id,
        destinationCidrBlock: "0.0.0.0/0",
        natGatewayId: natGateways[Math.min(i, natGateways.length - 1)].id,
      });
      new RouteTableAssociation(this, `private-${az}-route`, { subnetId: subnet.id, routeTableId: routeTable.id });
      privateSubnets.push(subnet);
      privateRouteTables.push(routeTable);
    });

    this.vpcId = vpc.id;
    this.privateSubnetIds = privateSubnets.map((subnet) => subnet.id);
    this.securityGroupId = new WorkspaceSecurityGroup(this, "workspace-security-group", {
      names,
      vpcId: vpc.id,
      legacyHiveMetastore: props.legacyHiveMetastore,
      existingId: props.existing?.securityGroupId,
    }).securityGroupId;
    new VpcEndpoints(this, "endpoints", {
      names,
      awsRegion: props.awsRegion,
      vpcId: vpc.id,
      subnetIds: [...this.privateSubnetIds],
      routeTableIds: privateRouteTables.map((table) => table.id),
      securityGroupId: this.securityGroupId,
    });
    this.buildFlowLogs(props);
  }

  private buildFlowLogs(props: WorkspaceNetworkProps): void {
    const { names } = props;
    const logGroup = new CloudwatchLogGroup(this, "flow-log-group", {
      name: names.flowLogGroup,
      retentionInDays: props.flowLogRetentionDays,
    });
    const trust = new DataAwsIamPolicyDocument(this, "flow-log-trust", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
        },
      ],
    });
    const role = new IamRole(this, "flow-log-role", { name: names.flowLogRole, assumeRolePolicy: trust.json });
    const permissions = new DataAwsIamPolicyDocument(this, "flow-log-permissions", {
      statement: [
        {
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [logGroup.arn, `${logGroup.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, "flow-log-policy", { role: role.id, policy: permissions.json });
    new FlowLog(this, "flow-log", {
      vpcId: this.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      tags: { Name: names.vpc },
    });
  }
}

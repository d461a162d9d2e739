import { Construct } from "constructs";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { MwsPrivateAccessSettings } from "@cdktf/provider-databricks/lib/mws-private-access-settings";
import { MwsVpcEndpoint } from "@cdktf/provider-databricks/lib/mws-vpc-endpoint";
import { CONTROL_PLANE_PORTS, privateLinkServiceName } from "../../domain/platform-facts";
import type { SubnetPlacement } from "../../domain/network";

/** The names back-end PrivateLink gives (domain/naming.ts workspaceResourceNames fits). */
export interface BackendPrivateLinkNames {
  readonly privateLinkRouteTable: string;
  readonly privateLinkSubnet: (az: string) => string;
  readonly privateLinkSecurityGroup: string;
  /** The AWS endpoint's Name tag and its Databricks registration, per endpoint (`rest-api`, `relay`). */
  readonly privateLinkEndpoint: (endpoint: string) => string;
  readonly privateAccessSettings: string;
}

export interface BackendPrivateLinkProps {
  readonly names: BackendPrivateLinkNames;
  readonly databricksAccountId: string;
  readonly awsRegion: string;
  readonly vpcId: string;
  /** The endpoints' own small subnets, one per AZ (domain/network.ts lays them out). */
  readonly subnets: readonly SubnetPlacement[];
  /** The workspace security group: cluster nodes reach the endpoints from it. */
  readonly workspaceSecurityGroupId: string;
}

/**
 * Back-end PrivateLink: cluster nodes reach the control plane's REST API and the secure cluster
 * connectivity relay through interface endpoints in the workspace VPC, registered with Databricks.
 * The endpoints live in small subnets of their own, one per AZ, with a route table that has only the
 * local route (the SRA's `intra_subnets` in aws/tf/network.tf and privatelink.tf; "a subnet dedicated
 * to your VPC endpoints" with its own route table in databricks provider
 * docs/guides/aws-private-link-workspace.md (v1.99)), not in the cluster subnets.
 * Front-end (user) access stays public, so private access settings allow public access.
 */
export class BackendPrivateLink extends Construct {
  public readonly restApiEndpointId: string;
  public readonly relayEndpointId: string;
  public readonly privateAccessSettingsId: string;

  constructor(scope: Construct, id: string, props: BackendPrivateLinkProps) {
    super(scope, id);
    const { names } = props;
    const routeTable = new RouteTable(this, "route-table", { vpcId: props.vpcId, tags: { Name: names.privateLinkRouteTable } });
    const subnetIds = props.subnets.map((placement) => {
      const az = placement.availabilityZone;
      const subnet = new Subnet(this, `subnet-${az}`, {
        vpcId: props.vpcId,
        cidrBlock: placement.cidr,
        availabilityZone: az,
        tags: { Name: names.privateLinkSubnet(az) },
      });
      new RouteTableAssociation(this, `subnet-${az}-route`, { subnetId: subnet.id, routeTableId: routeTable.id });
      return subnet.id;
    });
    const endpointGroup = new SecurityGroup(this, "security-group", {
      name: names.privateLinkSecurityGroup,
      description: "Databricks back-end PrivateLink endpoints: reachable from the workspace security group",
      vpcId: props.vpcId,
      tags: { Name: names.privateLinkSecurityGroup },
    });
    for (const port of CONTROL_PLANE_PORTS) {
      new VpcSecurityGroupIngressRule(this, `ingress-${port.from}`, {
        securityGroupId: endpointGroup.id,
        ipProtocol: "tcp",
        fromPort: port.from,
        toPort: port.to,
        referencedSecurityGroupId: props.workspaceSecurityGroupId,
        description: "cluster nodes to the Databricks control plane",
      });
    }
    const register = (service: "restApi" | "relay", label: string) => {
      const endpoint = new VpcEndpoint(this, label, {
        vpcId: props.vpcId,
        serviceName: privateLinkServiceName(props.awsRegion, service),
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds,
        securityGroupIds: [endpointGroup.id],
        tags: { Name: names.privateLinkEndpoint(label) },
      });
      return new MwsVpcEndpoint(this, `${label}-registration`, {
        accountId: props.databricksAccountId,
        vpcEndpointName: names.privateLinkEndpoint(label),
        awsVpcEndpointId: endpoint.id,
        region: props.awsRegion,
      }).vpcEndpointId;
    };
    this.restApiEndpointId = register("restApi", "rest-api");
    this.relayEndpointId = register("relay", "relay");
    this.privateAccessSettingsId = new MwsPrivateAccessSettings(this, "private-access", {
      accountId: props.databricksAccountId,
      privateAccessSettingsName: names.privateAccessSettings,
      region: props.awsRegion,
      publicAccessEnabled: true,
    }).privateAccessSettingsId;
  }
}

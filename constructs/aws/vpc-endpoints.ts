import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";

export interface VpcEndpointsProps {
  /** An endpoint's Name tag per service, e.g. `s3`. */
  readonly names: { readonly endpoint: (service: string) => string };
  readonly awsRegion: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly routeTableIds: string[];
  readonly securityGroupId: string;
}

/** Interface endpoints Databricks recommends so cluster traffic to AWS APIs skips the NAT. */
const INTERFACE_SERVICES = ["sts", "kinesis-streams"] as const;

/** S3 gateway endpoint plus STS and Kinesis interface endpoints in the private subnets. */
export class VpcEndpoints extends Construct {
  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    const { names } = props;
    new VpcEndpoint(this, "s3", {
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.awsRegion}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: props.routeTableIds,
      tags: { Name: names.endpoint("s3") },
    });
    for (const service of INTERFACE_SERVICES) {
      new VpcEndpoint(this, service, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.awsRegion}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: props.subnetIds,
        securityGroupIds: [props.securityGroupId],
        tags: { Name: names.endpoint(service) },
      });
    }
  }
}

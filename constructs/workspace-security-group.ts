import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";

export interface WorkspaceSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
}

/**
 * Egress Databricks requires from cluster nodes (docs: customer-managed VPC, security groups):
 * 443 control plane/S3, 2443 FIPS endpoints, 6666 secure cluster connectivity relay,
 * 8443-8451 control-plane API and Unity Catalog, 53 DNS. 3306 (legacy Hive metastore) is left
 * out: workspaces here use Unity Catalog.
 */
export const DATABRICKS_EGRESS: readonly { protocol: "tcp" | "udp"; from: number; to: number; why: string }[] = [
  { protocol: "tcp", from: 443, to: 443, why: "control plane, S3, AWS APIs" },
  { protocol: "tcp", from: 2443, to: 2443, why: "FIPS-compliant endpoints" },
  { protocol: "tcp", from: 6666, to: 6666, why: "secure cluster connectivity relay" },
  { protocol: "tcp", from: 8443, to: 8451, why: "control-plane API and Unity Catalog" },
  { protocol: "tcp", from: 53, to: 53, why: "DNS" },
  { protocol: "udp", from: 53, to: 53, why: "DNS" },
];

/** The workspace security group: all TCP/UDP within itself, egress only where Databricks needs it. */
export class WorkspaceSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: WorkspaceSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, "group", {
      name: props.name,
      description: "Databricks workspace: cluster nodes and VPC endpoints",
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    const securityGroupId = this.securityGroup.id;
    const self = { securityGroupId, fromPort: 0, toPort: 65535, referencedSecurityGroupId: securityGroupId, description: "cluster nodes talk to each other" };
    for (const protocol of ["tcp", "udp"] as const) {
      new VpcSecurityGroupIngressRule(this, `ingress-self-${protocol}`, { ...self, ipProtocol: protocol });
      new VpcSecurityGroupEgressRule(this, `egress-self-${protocol}`, { ...self, ipProtocol: protocol });
    }
    for (const rule of DATABRICKS_EGRESS) {
      new VpcSecurityGroupEgressRule(this, `egress-${rule.protocol}-${rule.from}`, {
        securityGroupId,
        ipProtocol: rule.protocol,
        fromPort: rule.from,
        toPort: rule.to,
        cidrIpv4: "0.0.0.0/0",
        description: rule.why,
      });
    }
  }
}

import { Construct } from "constructs";
import { importExisting } from "../import-block";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { CONTROL_PLANE_PORTS, DNS_PORT, LEGACY_HIVE_METASTORE_PORT } from "../../domain/platform-facts";

export interface WorkspaceSecurityGroupProps {
  readonly names: { readonly securityGroup: string };
  readonly vpcId: string;
  /**
   * Open egress to the legacy Hive metastore (3306), for an environment that keeps legacy access.
   * @default false: workspaces use Unity Catalog only, with legacy access switched off
   */
  readonly legacyHiveMetastore?: boolean;
  /**
   * The id of a security group that exists (an adopted workspace's): imported, kept from destruction,
   * and left its name and description (both force a new group).
   * @default a new group
   */
  readonly existingId?: string;
}

/**
 * Egress Databricks requires from cluster nodes (docs.databricks.com/aws/en/security/network/classic/
 * customer-managed-vpc, "Security groups"): the control-plane ports and DNS, from the platform facts.
 */
export const DATABRICKS_EGRESS: readonly { protocol: "tcp" | "udp"; from: number; to: number; why: string }[] = [
  ...CONTROL_PLANE_PORTS.map((port) => ({ protocol: "tcp" as const, ...port })),
  { protocol: "tcp", from: DNS_PORT, to: DNS_PORT, why: "DNS" },
  { protocol: "udp", from: DNS_PORT, to: DNS_PORT, why: "DNS" },
];

/** The workspace security group: all TCP/UDP within itself, egress only where Databricks needs it. */
export class WorkspaceSecurityGroup extends Construct {
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: WorkspaceSecurityGroupProps) {
    super(scope, id);
    const group = new SecurityGroup(this, "group", {
      name: props.names.securityGroup,
      description: "Databricks workspace: cluster nodes and VPC endpoints",
      vpcId: props.vpcId,
      tags: { Name: props.names.securityGroup },
    });
    if (props.existingId) importExisting(group, props.existingId, ["name", "description"]);
    const securityGroupId = group.id;
    this.securityGroupId = securityGroupId;
    const self = { securityGroupId, fromPort: 0, toPort: 65535, referencedSecurityGroupId: securityGroupId, description: "cluster nodes talk to each other" };
    for (const protocol of ["tcp", "udp"] as const) {
      new VpcSecurityGroupIngressRule(this, `ingress-self-${protocol}`, { ...self, ipProtocol: protocol });
      new VpcSecurityGroupEgressRule(this, `egress-self-${protocol}`, { ...self, ipProtocol: protocol });
    }
    const legacy = props.legacyHiveMetastore ? [{ protocol: "tcp" as const, ...LEGACY_HIVE_METASTORE_PORT }] : [];
    for (const rule of [...DATABRICKS_EGRESS, ...legacy]) {
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

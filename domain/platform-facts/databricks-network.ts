/**
 * What a customer-managed VPC must allow and hold for Databricks on AWS: the ports cluster nodes
 * reach the control plane on, back-end PrivateLink endpoint services, subnet sizes. Data, not logic:
 * when Databricks publishes a new region or endpoint service, this file changes and nothing else.
 */

export interface PortRange {
  readonly from: number;
  readonly to: number;
  readonly why: string;
}

/**
 * TCP ports cluster nodes use to reach the control plane (docs.databricks.com/aws/en/security/network/
 * classic/customer-managed-vpc, "Security groups"). The same ports are open on the back-end
 * PrivateLink endpoints (…/classic/privatelink; databricks/terraform-databricks-sra aws/tf/privatelink.tf).
 * SRA also opens 5432 (Lakebase), which no workspace here uses.
 */
export const CONTROL_PLANE_PORTS: readonly PortRange[] = [
  { from: 443, to: 443, why: "control plane, S3, AWS APIs" },
  { from: 2443, to: 2443, why: "FIPS-compliant endpoints" },
  { from: 6666, to: 6666, why: "secure cluster connectivity relay" },
  { from: 8443, to: 8451, why: "control-plane API and Unity Catalog" },
];

/** DNS, TCP and UDP (customer-managed VPC page, "Security groups"). */
export const DNS_PORT = 53;

/**
 * The legacy (workspace-local) Hive metastore, reached over MySQL's port. Only needed while legacy
 * access is on (customer-managed VPC page: "3306: for the legacy Hive metastore").
 */
export const LEGACY_HIVE_METASTORE_PORT: PortRange = { from: 3306, to: 3306, why: "legacy Hive metastore" };

/**
 * Back-end PrivateLink endpoint services per region: the workspace REST API and the secure cluster
 * connectivity relay (docs.databricks.com/aws/en/resources/ip-domain-region, "PrivateLink VPC
 * endpoint services"). A region missing here has no back-end PrivateLink.
 */
export const PRIVATE_LINK_SERVICES: Readonly<Record<string, { readonly restApi: string; readonly relay: string }>> = {
  "ap-northeast-1": { restApi: "vpce-svc-02691fd610d24fd64", relay: "vpce-svc-02aa633bda3edbec0" },
  "ap-northeast-2": { restApi: "vpce-svc-0babb9bde64f34d7e", relay: "vpce-svc-0dc0e98a5800db5c4" },
  "ap-south-1": { restApi: "vpce-svc-0dbfe5d9ee18d6411", relay: "vpce-svc-03fd4d9b61414f3de" },
  "ap-southeast-1": { restApi: "vpce-svc-02535b257fc253ff4", relay: "vpce-svc-0557367c6fc1a0c5c" },
  "ap-southeast-2": { restApi: "vpce-svc-0b87155ddd6954974", relay: "vpce-svc-0b4a72e8f825495f6" },
  "ca-central-1": { restApi: "vpce-svc-0205f197ec0e28d65", relay: "vpce-svc-0c4e25bdbcbfbb684" },
  "eu-central-1": { restApi: "vpce-svc-081f78503812597f7", relay: "vpce-svc-08e5dfca9572c85c4" },
  "eu-west-1": { restApi: "vpce-svc-0da6ebf1461278016", relay: "vpce-svc-09b4eb2bc775f4e8c" },
  "eu-west-2": { restApi: "vpce-svc-01148c7cdc1d1326c", relay: "vpce-svc-05279412bf5353a45" },
  "eu-west-3": { restApi: "vpce-svc-008b9368d1d011f37", relay: "vpce-svc-005b039dd0b5f857d" },
  "sa-east-1": { restApi: "vpce-svc-0bafcea8cdfe11b66", relay: "vpce-svc-0e61564963be1b43f" },
  "us-east-1": { restApi: "vpce-svc-09143d1e626de2f04", relay: "vpce-svc-00018a8c3ff62ffdf" },
  "us-east-2": { restApi: "vpce-svc-041dc2b4d7796b8d3", relay: "vpce-svc-090a8fab0d73e39a6" },
  "us-west-1": { restApi: "vpce-svc-09bb6ca26208063f2", relay: "vpce-svc-04cb91f9372b792fe" },
  "us-west-2": { restApi: "vpce-svc-0129f463fcfbc46c5", relay: "vpce-svc-0158114c0c730c3bb" },
};

export function privateLinkServiceName(awsRegion: string, service: "restApi" | "relay"): string {
  const services = PRIVATE_LINK_SERVICES[awsRegion];
  if (!services) throw new Error(`no back-end PrivateLink services known for ${awsRegion}`);
  return `com.amazonaws.vpce.${awsRegion}.${services[service]}`;
}

/**
 * Back-end PrivateLink endpoints live in small subnets of their own, one per AZ, with a route table
 * that has only the local route: /26 in databricks/terraform-databricks-sra aws/tf
 * (template.tfvars.example `privatelink_subnets_cidr`, network.tf `intra_subnets`); "a subnet
 * dedicated to your VPC endpoints" in databricks provider docs/guides/aws-private-link-workspace.md (v1.99).
 */
export const PRIVATE_LINK_SUBNET_NETMASK = 26;

/**
 * Workspace (cluster) subnets: netmask /17 to /25 (databricks provider docs/resources/mws_networks.md
 * (v1.99)); each node takes two addresses.
 */
export const DATABRICKS_SUBNET_NETMASK = { min: 17, max: 25 } as const;

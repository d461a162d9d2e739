/**
 * Facts about Databricks on AWS that the app builds on, with their sources. Data, not logic: when
 * Databricks publishes a new region or endpoint service, this file changes and nothing else.
 */

/**
 * The AWS account of the Databricks control plane (commercial), which a customer-managed key
 * policy must allow (docs.databricks.com/aws/en/security/keys/configure-customer-managed-keys).
 */
export const DATABRICKS_CONTROL_PLANE_ACCOUNT = "414351767826";

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

/** Ports the relay and REST API endpoints serve to cluster nodes (PrivateLink docs, security groups). */
export const PRIVATE_LINK_PORTS: readonly { from: number; to: number }[] = [
  { from: 443, to: 443 },
  { from: 2443, to: 2443 },
  { from: 6666, to: 6666 },
  { from: 8443, to: 8451 },
];

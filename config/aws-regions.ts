/**
 * AWS regions as the app knows them. A region must be known to AWS *and* offered by Databricks
 * (docs.databricks.com/aws/en/resources/supported-regions) before a workspace may be planned there.
 */

/** Every commercial AWS region, so a typo ("us-east-l") reads differently from an unsupported one. */
export const KNOWN_AWS_REGIONS: readonly string[] = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ca-central-1", "ca-west-1", "sa-east-1", "mx-central-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
  "eu-north-1", "eu-south-1", "eu-south-2",
  "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
  "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2",
  "ap-northeast-3", "ap-east-1", "me-south-1", "me-central-1", "il-central-1", "af-south-1",
];

/** The subset where Databricks runs E2 workspaces with customer-managed VPCs. */
export const DATABRICKS_AWS_REGIONS: readonly string[] = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ca-central-1", "sa-east-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
  "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
  "ap-northeast-1", "ap-northeast-2",
];

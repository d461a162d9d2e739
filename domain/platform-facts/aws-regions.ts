/**
 * AWS regions and their availability zones, as the app knows them. A region must be known to AWS
 * *and* offered by Databricks before a workspace may be planned there.
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

/**
 * The subset where Databricks runs E2 workspaces with customer-managed VPCs
 * (docs.databricks.com/aws/en/resources/supported-regions).
 */
export const DATABRICKS_AWS_REGIONS: readonly string[] = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ca-central-1", "sa-east-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
  "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
  "ap-northeast-1", "ap-northeast-2",
];

/**
 * The AZ letters that exist in each Databricks region: one per AZ ID AWS lists for the region
 * (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html). In the
 * oldest regions AWS maps letters to AZs per account (…/regions/az-ids.html), so this is every letter
 * some account can see: us-west-1 offers two AZs per account, named a+b, a+c or b+c; ap-northeast-1b
 * exists only in older accounts. ca-central-1 has no c (its AZ IDs are cac1-az1, az2, az4).
 * `aws ec2 describe-availability-zones --region <r>` is the authority for one account.
 */
export const AVAILABILITY_ZONE_LETTERS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["a", "b", "c", "d", "e", "f"],
  "us-east-2": ["a", "b", "c"],
  "us-west-1": ["a", "b", "c"],
  "us-west-2": ["a", "b", "c", "d"],
  "ca-central-1": ["a", "b", "d"],
  "sa-east-1": ["a", "b", "c"],
  "eu-west-1": ["a", "b", "c"],
  "eu-west-2": ["a", "b", "c"],
  "eu-west-3": ["a", "b", "c"],
  "eu-central-1": ["a", "b", "c"],
  "ap-south-1": ["a", "b", "c"],
  "ap-southeast-1": ["a", "b", "c"],
  "ap-southeast-2": ["a", "b", "c"],
  "ap-southeast-3": ["a", "b", "c"],
  "ap-northeast-1": ["a", "b", "c", "d"],
  "ap-northeast-2": ["a", "b", "c", "d"],
};

/** The AZ names of a region (`us-east-2a`, …), or undefined for a region the table does not hold. */
export function availabilityZonesOf(awsRegion: string): string[] | undefined {
  const letters = Object.hasOwn(AVAILABILITY_ZONE_LETTERS, awsRegion) ? AVAILABILITY_ZONE_LETTERS[awsRegion] : undefined;
  return letters?.map((letter) => `${awsRegion}${letter}`);
}

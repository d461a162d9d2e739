/** Limits AWS puts on what we name, address and log; each checked at the config boundary. */

/** Hard limits of the services that carry our names (S3, IAM, DNS). */
export const NAME_LIMITS = {
  /** docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
  s3Bucket: 63,
  /** docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (role name) */
  iamRole: 64,
  /** RFC 1035: one DNS label, e.g. the workspace host name. */
  dnsLabel: 63,
} as const;

/**
 * A VPC's IPv4 block is between /16 and /28 (docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
 * Private (RFC 1918) space is what AWS recommends for it, and what a workspace VPC uses here: a public
 * block would shadow real internet addresses for every cluster node (datatracker.ietf.org/doc/html/rfc1918).
 */
export const AWS_VPC_NETMASK = { min: 16, max: 28 } as const;
export const RFC1918_BLOCKS: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * Retention periods CloudWatch Logs accepts, in days (PutRetentionPolicy, retentionInDays;
 * terraform aws provider docs, cloudwatch_log_group retention_in_days). 0 (never expire) is valid
 * too, but a flow log kept forever is a cost nobody chose, so it is not offered here.
 */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * An EC2 instance type name: `<family>.<size>`. The family is a letter, generation digit and
 * attribute letters, possibly with a hyphenated part (`m6i`, `r6gd`, `c7i-flex`, `u-6tb1`,
 * `mac2-m2pro`), always with a generation digit; the size is nano … large, `xlarge`, `<n>xlarge`, `metal` or `metal-<n>xl`
 * (docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html).
 */
export const EC2_INSTANCE_TYPE_PATTERN = /^(?=[^.]*\d)[a-z][a-z0-9]*(-[a-z0-9]+)*\.(nano|micro|small|medium|large|\d*xlarge|metal(-\d+xl)?)$/;

/**
 * Which availability zones `onboard` lists for a new region. AZ letters are mapped per AWS account in
 * the older regions, and some letters are closed to accounts created after a zone filled up, so this
 * table holds the letters every account can use (AWS EC2 docs, "Availability Zones"; the errors people
 * hit are quoted below). `aws ec2 describe-availability-zones --region <r>` is the authority for one
 * account: pass `--azs` when it disagrees.
 */
import { DATABRICKS_AWS_REGIONS } from "../../domain/platform-facts";

export interface ZoneChoice {
  /** AZ letters, in the order subnets are laid out. */
  readonly suffixes: readonly string[];
  /** Why the list is not simply a, b, c: shown to the user. */
  readonly note?: string;
}

const ABC: ZoneChoice = { suffixes: ["a", "b", "c"] };

/** Every Databricks-supported region (domain/platform-facts/aws-regions.ts); a test keeps the two lists in step. */
export const ZONE_CHOICES: Readonly<Record<string, ZoneChoice>> = {
  "us-east-1": ABC,
  "us-east-2": ABC,
  "us-west-1": {
    // "Subnets can currently only be created in the following availability zones: us-west-1b,
    // us-west-1c" (or us-west-1a, us-west-1c, depending on the account): two usable zones per account.
    suffixes: ["b", "c"],
    note: "us-west-1 offers two AZs per account (b and c, or a and c in older accounts): check with `aws ec2 describe-availability-zones --region us-west-1`",
  },
  "us-west-2": ABC,
  "ca-central-1": { suffixes: ["a", "b", "d"], note: "ca-central-1 has no AZ c; its third AZ is d" },
  "sa-east-1": ABC,
  "eu-west-1": ABC,
  "eu-west-2": ABC,
  "eu-west-3": ABC,
  "eu-central-1": ABC,
  "ap-south-1": ABC,
  "ap-southeast-1": ABC,
  "ap-southeast-2": ABC,
  "ap-southeast-3": ABC,
  "ap-northeast-1": {
    suffixes: ["a", "c", "d"],
    note: "ap-northeast-1b is closed to newer accounts; a, c and d are open to all",
  },
  "ap-northeast-2": ABC,
};

/** Regions Databricks supports but this table forgot: empty unless someone added one to aws-regions.ts. */
export function regionsWithoutZoneChoice(): string[] {
  return DATABRICKS_AWS_REGIONS.filter((region) => !Object.hasOwn(ZONE_CHOICES, region));
}

export function defaultZones(awsRegion: string): { zones: string[]; note?: string } | undefined {
  const choice = Object.hasOwn(ZONE_CHOICES, awsRegion) ? ZONE_CHOICES[awsRegion] : undefined;
  if (!choice) return undefined;
  return { zones: choice.suffixes.map((suffix) => `${awsRegion}${suffix}`), ...(choice.note ? { note: choice.note } : {}) };
}

/**
 * `--azs a,b,c` or `--azs eu-central-1a,eu-central-1b`: letters or full names, in subnet order. Returns
 * full names or a reason; distinctness and count are left to the config checks, which say it the same
 * way they say it for a hand-edited file.
 */
export function parseZonesFlag(awsRegion: string, value: string): { zones: string[] } | { problem: string } {
  const parts = value.split(",").map((part) => part.trim());
  const zones: string[] = [];
  for (const part of parts) {
    if (/^[a-z]$/.test(part)) zones.push(`${awsRegion}${part}`);
    else if (new RegExp(`^${awsRegion}[a-z]$`).test(part)) zones.push(part);
    else return { problem: `--azs: expected AZ letters such as a,b,c (or ${awsRegion}a,…), found "${part || value}"` };
  }
  return { zones };
}

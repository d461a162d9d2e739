import { KNOWN_AWS_REGIONS, NAME_LIMITS } from "../../domain/platform-facts";
import { accountResourceNames, regionResourceNames, workspaceResourceNames } from "../../domain/naming";
import { workspacePlaces } from "../../domain/workspaces";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";
import { unknownEnvironment } from "./messages";

/**
 * A region's data buckets are named once, serve environments that exist, and never overlap: Unity
 * Catalog refuses an external location inside another ("External locations can't overlap other
 * external locations", docs.databricks.com/aws/volumes/paths), and one that covers the platform's own
 * buckets would overlap workspace storage (…/unity-catalog/storage-conflicts). Each one's derived
 * IAM role name fits IAM.
 */
export function checkDataBuckets(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const environments = Object.keys(config.environments);
  const ownBuckets = platformBuckets(config);
  config.regions.forEach((region, r) => {
    const buckets = region.dataBuckets ?? [];
    buckets.forEach((bucket, b) => {
      const path = ["regions", r, "dataBuckets", b];
      const first = buckets.findIndex((other) => other.name === bucket.name);
      if (first < b) problems.push({ path: [...path, "name"], message: `expected each data bucket name once per region, found "${bucket.name}" again (first at index ${first})` });
      bucket.environments.forEach((environment, e) => {
        if (!environments.includes(environment)) {
          problems.push({ path: [...path, "environments", e], message: unknownEnvironment(environments, environment) });
        } else if (bucket.environments.indexOf(environment) < e) {
          problems.push({ path: [...path, "environments", e], message: `expected each environment once, found "${environment}" again` });
        }
      });
      const owner = ownBuckets.get(bucket.bucket);
      if (owner) {
        problems.push({ path: [...path, "bucket"], message: `expected a data-lake bucket, found "${bucket.bucket}", ${owner} (data buckets must not overlap the platform's own storage)` });
      }
      const covering = buckets.findIndex((other, o) => o < b && other.bucket === bucket.bucket && overlap(other.prefix, bucket.prefix));
      if (covering !== -1) {
        const other = buckets[covering];
        problems.push({
          path: [...path, "prefix"],
          message: `expected a path no other data bucket of this region covers (external locations cannot overlap), found "${bucket.prefix}", which overlaps "${other.prefix}" of "${other.name}" (index ${covering})`,
        });
      }
      if (KNOWN_AWS_REGIONS.includes(region.region)) {
        const { role } = regionResourceNames({ company: config.company, domain: config.domain, awsRegion: region.region }).dataBucket(bucket.name);
        if (role.length > NAME_LIMITS.iamRole) {
          problems.push({
            path: [...path, "name"],
            message: `expected a data bucket IAM role name of at most ${NAME_LIMITS.iamRole} characters, found "${role}" (${role.length}); shorten the data bucket name`,
          });
        }
      }
    });
  });
  return problems;
}

/** One path inside the other (the empty prefix is the whole bucket): both end in "/" or are empty. */
function overlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The buckets this app creates or uses for itself, each with what it is. */
function platformBuckets(config: RegionsFile): Map<string, string> {
  const buckets = new Map<string, string>();
  for (const place of workspacePlaces(config)) {
    if (!KNOWN_AWS_REGIONS.includes(place.key.awsRegion)) continue;
    const names = workspaceResourceNames(place.key);
    buckets.set(names.rootBucket, `the root bucket of ${names.workspace}`);
    buckets.set(names.catalogBucket, `the catalog bucket of ${names.workspace}`);
  }
  buckets.set(accountResourceNames(config).usageLogBucket, "the usage-log bucket");
  if (config.state) buckets.set(config.state.bucket, "the Terraform state bucket");
  return buckets;
}

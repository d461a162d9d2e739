import { availabilityZonesOf, DATABRICKS_AWS_REGIONS, KNOWN_AWS_REGIONS } from "../../domain/platform-facts";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/** Regions are real, offered by Databricks, listed once; AZs exist in their region (a cited table), listed once. */
export function checkRegions(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const firstIndex = new Map<string, number>();
  config.regions.forEach((entry, i) => {
    const regionProblem = awsRegionProblem(entry.region);
    if (regionProblem) problems.push({ path: ["regions", i, "region"], message: regionProblem });
    const earlier = firstIndex.get(entry.region);
    if (earlier !== undefined) {
      problems.push({
        path: ["regions", i, "region"],
        message: `expected each region once, found "${entry.region}" again (first at regions[${earlier}])`,
      });
    } else {
      firstIndex.set(entry.region, i);
    }
    const seenZones = new Set<string>();
    const zones = availabilityZonesOf(entry.region);
    entry.availabilityZones.forEach((zone, z) => {
      const path = ["regions", i, "availabilityZones", z];
      // A region the zone table does not hold is already a problem of its own: only the shape is checked then.
      const exists = zones ? zones.includes(zone) : zone.length === entry.region.length + 1 && zone.startsWith(entry.region) && /[a-z]$/.test(zone);
      if (!exists) {
        const expected = zones ? `(${zones.join(", ")})` : `(e.g. ${entry.region}a)`;
        problems.push({ path, message: `expected an availability zone of ${entry.region} ${expected}, found "${zone}"` });
      } else if (seenZones.has(zone)) {
        problems.push({ path, message: `expected distinct availability zones, found "${zone}" twice` });
      }
      seenZones.add(zone);
    });
  });
  if (config.state) {
    const stateProblem = awsRegionProblem(config.state.region, KNOWN_AWS_REGIONS);
    if (stateProblem) problems.push({ path: ["state", "region"], message: stateProblem });
  }
  return problems;
}

export function awsRegionProblem(region: string, supported = DATABRICKS_AWS_REGIONS): string | undefined {
  if (!KNOWN_AWS_REGIONS.includes(region)) return `expected an AWS region such as us-east-1, found "${region}"`;
  if (!supported.includes(region)) {
    return `expected a region where Databricks runs on AWS (${supported.join(", ")}), found "${region}"`;
  }
  return undefined;
}

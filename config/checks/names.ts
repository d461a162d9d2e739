import { KNOWN_AWS_REGIONS } from "../../domain/platform-facts";
import { limitedNames } from "../../domain/naming";
import { workspacePlaces } from "../../domain/workspaces";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/** Every derived name fits the service that carries it; checked before anything is created. */
export function checkNameLengths(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const { key, region, regionIndex, environment } of workspacePlaces(config)) {
    // An unknown region or a missing workspace is a problem of its own (checkRegions, checkEnvironments).
    if (!KNOWN_AWS_REGIONS.includes(region.region) || !Object.hasOwn(region.workspaces, environment)) continue;
    for (const { name, what, limit } of limitedNames(key, config.deploymentNamePrefix)) {
      if (name.length > limit) {
        problems.push({
          path: ["regions", regionIndex, "workspaces", environment],
          atKey: true,
          message: `expected a ${what} of at most ${limit} characters, found "${name}" (${name.length}); shorten company, domain or environment`,
        });
      }
    }
  }
  return problems;
}

import { KNOWN_AWS_REGIONS } from "../../domain/platform-facts";
import { limitedNames } from "../../domain/naming";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/** Every derived name fits the service that carries it; checked before anything is created. */
export function checkNameLengths(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.regions.forEach((entry, i) => {
    if (!KNOWN_AWS_REGIONS.includes(entry.region)) return;
    for (const environment of Object.keys(entry.workspaces)) {
      const key = { company: config.company, domain: config.domain, awsRegion: entry.region, environment };
      for (const { name, what, limit } of limitedNames(key, config.deploymentNamePrefix)) {
        if (name.length > limit) {
          problems.push({
            path: ["regions", i, "workspaces", environment],
            atKey: true,
            message: `expected a ${what} of at most ${limit} characters, found "${name}" (${name.length}); shorten company, domain or environment`,
          });
        }
      }
    }
  });
  return problems;
}

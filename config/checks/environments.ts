import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";
import { unknownEnvironment } from "./messages";

/** Every region has exactly one workspace per configured environment, and no other. */
export function checkEnvironments(config: RegionsFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const configured = Object.keys(config.environments);
  if (configured.length === 0) {
    problems.push({ path: ["environments"], message: "expected at least one environment, found none" });
  }
  config.regions.forEach((entry, i) => {
    const present = Object.keys(entry.workspaces);
    for (const environment of present.filter((name) => !configured.includes(name))) {
      problems.push({
        path: ["regions", i, "workspaces", environment],
        atKey: true,
        message: unknownEnvironment(configured, environment),
      });
    }
    const missing = configured.filter((name) => !present.includes(name));
    if (missing.length) {
      problems.push({
        path: ["regions", i, "workspaces"],
        message: `expected a workspace for every environment, missing ${missing.join(", ")}`,
      });
    }
  });
  return problems;
}

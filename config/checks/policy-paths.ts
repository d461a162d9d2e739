import { isAbsolute, normalize, sep } from "node:path";
import type { ConfigProblem } from "../problems";
import type { RegionsFile } from "../schema/regions";

/**
 * Cluster policy files live next to the regions file (policies/…). A path that leads out of its
 * folder could make synth read, and report on, any file on the machine running it (a CI runner with
 * credentials on disk): it is refused before anything is read. Symbolic links are followed on
 * purpose (config/policy-files.ts).
 */
export function checkPolicyFilePaths(config: RegionsFile): ConfigProblem[] {
  return config.clusterPolicies.flatMap((policy, i) =>
    leavesFolder(policy.file)
      ? [{ path: ["clusterPolicies", i, "file"], message: `expected a path inside the regions file's folder, found "${policy.file}", which leads outside it` }]
      : [],
  );
}

export function leavesFolder(relativePath: string): boolean {
  const normalized = normalize(relativePath);
  return isAbsolute(relativePath) || normalized === ".." || normalized.startsWith(`..${sep}`);
}

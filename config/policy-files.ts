/**
 * Cluster policy files, read at the config boundary like regions.yaml itself: each is parsed with a
 * line map, checked against the policy language, and merged with the enforced values for every
 * workspace, so a policy that contradicts regions.yaml fails validation naming file and attribute.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CLUSTER_TYPES } from "../domain/platform-facts";
import { clusterTypeOf, enforcePolicy } from "../domain/policy-enforcement";
import { PolicyFile } from "./schema/policy-language";
import { costTagsFor, workspacePlaces } from "../domain/workspaces";
import type { ConfigProblem } from "./problems";
import type { ClusterPolicyConfig, RegionsFile } from "./schema/regions";
import { schemaProblems } from "./schema-problems";
import { formatProblems, formatSyntaxProblems, parseConfigSource, type ConfigSource } from "./source";

export type ReadText = (path: string) => string;

/**
 * Symbolic links are followed: a policies folder linked from elsewhere (a shared folder, the bench's
 * temp copies) is a supported layout; `../` in the path itself was refused before anything is read.
 */
const readUtf8: ReadText = (path) => readFileSync(path, "utf8");

/** Why the policy file at `path` cannot be read, in words; never its content. */
function unreadable(path: string, error: unknown): string {
  const { code } = error as NodeJS.ErrnoException;
  if (code === "EISDIR") return `expected a policy JSON file, found a directory (${path})`;
  return `cannot read ${path}: ${code === "ENOENT" ? "no such file" : (code ?? String(error))}`;
}

export function loadPolicyFiles(
  config: RegionsFile,
  regionsSource: ConfigSource,
  readText?: ReadText,
): { ok: true; policies: ClusterPolicyConfig[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const policies: ClusterPolicyConfig[] = [];
  const folder = dirname(regionsSource.file);
  const read = readText ?? readUtf8;
  config.clusterPolicies.forEach((entry, i) => {
    // Paths that lead out of the folder were refused by checkPolicyFilePaths before anything is read.
    const path = join(folder, entry.file);
    let text: string;
    try {
      text = read(path);
    } catch (error) {
      errors.push(...formatProblems(regionsSource, [{ path: ["clusterPolicies", i, "file"], message: unreadable(path, error) }]));
      return;
    }
    const result = checkPolicyFile(path, text, config);
    if (result.ok) policies.push({ ...entry, path, ...result.policy });
    else errors.push(...result.errors);
  });
  return errors.length ? { ok: false, errors } : { ok: true, policies };
}

function checkPolicyFile(path: string, text: string, config: RegionsFile) {
  const { source, syntaxProblems } = parseConfigSource(path, text);
  if (syntaxProblems.length) return { ok: false as const, errors: formatSyntaxProblems(path, syntaxProblems) };
  const parsed = PolicyFile.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    return { ok: false as const, errors: formatProblems(source, schemaProblems(parsed.error.issues, PolicyFile, source.data)) };
  }
  const { definition, description } = parsed.data;
  const clusterType = clusterTypeOf(definition);
  if (!clusterType) {
    const found = definition.cluster_type ? JSON.stringify(definition.cluster_type) : "nothing";
    const problem = {
      path: ["definition", "cluster_type"],
      message: `expected {"type":"fixed","value":one of ${CLUSTER_TYPES.join(", ")}}, found ${found}`,
    };
    return { ok: false as const, errors: formatProblems(source, [problem]) };
  }
  const conflicts = enforcementConflicts(definition, config);
  if (conflicts.length) return { ok: false as const, errors: formatProblems(source, conflicts) };
  return { ok: true as const, policy: { description, definition, clusterType } };
}

/** Conflicts with what regions.yaml enforces, in any workspace; each reported once. */
function enforcementConflicts(definition: PolicyFile["definition"], config: RegionsFile): ConfigProblem[] {
  const seen = new Map<string, ConfigProblem>();
  for (const { key, environment, settings } of workspacePlaces(config)) {
    const tags = costTagsFor(config, environment, key.awsRegion);
    for (const conflict of enforcePolicy(definition, { tags, limits: settings.clusters }).conflicts) {
      const seenKey = `${conflict.attribute}\n${conflict.message}`;
      if (!seen.has(seenKey)) seen.set(seenKey, { path: ["definition", conflict.attribute], atKey: true, message: conflict.message });
    }
  }
  return [...seen.values()];
}

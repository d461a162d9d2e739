/**
 * load → validate: the one way into a typed `RegionsConfig`. Every problem in the file is collected
 * (syntax, shape, cross-field checks) and reported together, one line each, before anything is built.
 */
import { RegionsConfigSchema, type RegionsConfig, type RegionsFile } from "./schema/regions";
import { formatProblems, formatSyntaxProblems, parseConfigSource, readConfigFile } from "./source";
import { loadPolicyFiles, type ReadText } from "./policy-files";
import { schemaProblems } from "./schema-problems";
import { ConfigError, formatPath, type ConfigProblem } from "./problems";
import { checkAdoption } from "./checks/adoption";
import { checkCompute } from "./checks/compute";
import { checkDataAccess } from "./checks/data-access";
import { checkDataBuckets } from "./checks/data-buckets";
import { checkEnvironments } from "./checks/environments";
import { checkIdentity } from "./checks/identity";
import { checkNameLengths } from "./checks/names";
import { checkNetwork } from "./checks/network";
import { checkPolicyFilePaths } from "./checks/policy-paths";
import { checkPricingTier } from "./checks/pricing-tier";
import { checkRegions } from "./checks/regions";
import { checkSpend } from "./checks/spend";
import { checkSuppressions } from "./checks/suppressions";
import { checkGithub } from "./checks/ci";

/** Cross-field rules, run once the shape is right. */
export const CONFIG_CHECKS: readonly ((config: RegionsFile) => ConfigProblem[])[] = [
  checkRegions,
  checkEnvironments,
  checkPricingTier,
  checkNetwork,
  checkAdoption,
  checkNameLengths,
  checkIdentity,
  checkCompute,
  checkDataBuckets,
  checkDataAccess,
  checkPolicyFilePaths,
  checkSpend,
  checkSuppressions,
  checkGithub,
];

export type ValidationResult =
  | { readonly ok: true; readonly config: RegionsConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Validates the text of a regions file and the cluster policy files it references (read with
 * `readText`, relative to the regions file's folder).
 */
export function validateRegionsText(file: string, text: string, readText?: ReadText): ValidationResult {
  const { source, syntaxProblems } = parseConfigSource(file, text);
  if (syntaxProblems.length) return { ok: false, errors: formatSyntaxProblems(file, syntaxProblems) };
  const parsed = RegionsConfigSchema.safeParse(source.data, { reportInput: true });
  if (parsed.success) {
    const problems = runChecks(parsed.data);
    if (problems.length) return { ok: false, errors: formatProblems(source, problems) };
    const policies = loadPolicyFiles(parsed.data, source, readText);
    return policies.ok ? { ok: true, config: { ...parsed.data, clusterPolicies: policies.policies } } : policies;
  }
  const shapeProblems = schemaProblems(parsed.error.issues, RegionsConfigSchema, source.data);
  return { ok: false, errors: formatProblems(source, [...shapeProblems, ...bestEffortChecks(source.data, shapeProblems)]) };
}

function runChecks(config: RegionsFile): ConfigProblem[] {
  return CONFIG_CHECKS.flatMap((check) => check(config));
}

/**
 * When the shape is wrong, cross-field checks still run on the raw data so one pass reports every
 * mistake. A check that trips over malformed data is skipped, and nothing is reported twice for a
 * path the shape problems already cover.
 */
function bestEffortChecks(data: unknown, shapeProblems: readonly ConfigProblem[]): ConfigProblem[] {
  const salvaged = withValidSectionsParsed(data);
  const covered = shapeProblems.map((problem) => formatPath(problem.path));
  const overlaps = (path: string) => covered.some((other) => path.startsWith(other) || other.startsWith(path));
  return CONFIG_CHECKS.flatMap((check) => {
    try {
      return check(salvaged as RegionsFile).filter((problem) => !overlaps(formatPath(problem.path)));
    } catch {
      return [];
    }
  });
}

/** Top-level sections that parse on their own get their defaults; broken ones stay raw. */
function withValidSectionsParsed(data: unknown): unknown {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data;
  const raw = data as Record<string, unknown>;
  const sections = Object.entries(RegionsConfigSchema.shape).map(([key, schema]) => {
    const parsed = schema.safeParse(raw[key]);
    return [key, parsed.success ? parsed.data : raw[key]];
  });
  return { ...raw, ...Object.fromEntries(sections) };
}

/**
 * Reads and validates `file`; throws one `ConfigError` listing every problem, or an
 * `UnreadableConfigError` when there is no file to read.
 */
export function loadRegionsConfig(file: string): RegionsConfig {
  const result = validateRegionsText(file, readConfigFile(file));
  if (!result.ok) throw new ConfigError(file, result.errors);
  return result.config;
}

/**
 * load → validate: the one way into a typed `RegionsConfig`. Every problem in the file is collected
 * (syntax, shape, cross-field checks) and reported together, one line each, before anything is built.
 */
import { RegionsConfigSchema, type RegionsConfig } from "./schema";
import { parseConfigSource, readConfigFile, type ConfigSource } from "./source";
import { schemaProblems } from "./schema-problems";
import { ConfigError, formatPath, type ConfigProblem } from "./problems";
import { checkEnvironments } from "./checks/environments";
import { checkIdentity } from "./checks/identity";
import { checkNameLengths } from "./checks/names";
import { checkNetwork } from "./checks/network";
import { checkRegions } from "./checks/regions";

/** Cross-field rules, run once the shape is right. */
export const CONFIG_CHECKS: readonly ((config: RegionsConfig) => ConfigProblem[])[] = [
  checkRegions,
  checkEnvironments,
  checkNetwork,
  checkNameLengths,
  checkIdentity,
];

export type ValidationResult =
  | { readonly ok: true; readonly config: RegionsConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

export function validateRegionsText(file: string, text: string): ValidationResult {
  const { source, syntaxProblems } = parseConfigSource(file, text);
  if (syntaxProblems.length) {
    return { ok: false, errors: syntaxProblems.map((p) => `${file}:${p.line}:${p.col} ${p.message}`) };
  }
  const parsed = RegionsConfigSchema.safeParse(source.data, { reportInput: true });
  if (parsed.success) {
    const problems = runChecks(parsed.data);
    return problems.length ? { ok: false, errors: formatProblems(source, problems) } : { ok: true, config: parsed.data };
  }
  const shapeProblems = schemaProblems(parsed.error.issues, RegionsConfigSchema, source.data);
  return { ok: false, errors: formatProblems(source, [...shapeProblems, ...bestEffortChecks(source.data, shapeProblems)]) };
}

function runChecks(config: RegionsConfig): ConfigProblem[] {
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
      return check(salvaged as RegionsConfig).filter((problem) => !overlaps(formatPath(problem.path)));
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

function formatProblems(source: ConfigSource, problems: readonly ConfigProblem[]): string[] {
  return problems
    .map((problem) => ({ problem, at: source.locate(problem.path, problem.atKey) }))
    .sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col)
    .map(({ problem, at }) => `${source.file}:${at.line}:${at.col} ${formatPath(problem.path)}: ${problem.message}`);
}

/** Reads and validates `file`; throws one `ConfigError` listing every problem. */
export function loadRegionsConfig(file: string): RegionsConfig {
  const result = validateRegionsText(file, readConfigFile(file));
  if (!result.ok) throw new ConfigError(file, result.errors);
  return result.config;
}

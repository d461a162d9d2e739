/**
 * Onboarding a region, as a pure function of the regions file's text: check the region, pick its AZs,
 * allocate a VPC per environment from `network.addressPool`, append the entry, and validate the result
 * exactly as `synth` would. Nothing here writes: the CLI decides whether to.
 */
import { validateRegionsText, type ValidationResult } from "../../config/load";
import { awsRegionProblem } from "../../config/checks/regions";
import type { RegionsConfig } from "../../config/schema/regions";
import { accountResourceNames, regionCode } from "../../domain/naming";
import { workspacePlaces } from "../../domain/workspaces";
import { stackNames } from "../../app/compose";
import { UserError } from "../kit/errors";
import { DEFAULT_REGIONS_FILE } from "../../config/regions-file";
import { allocateVpcCidrs, vpcNetmaskLike } from "./allocate-cidrs";
import { appendRegionEntry, type NewRegionEntry } from "./append-region";
import { defaultZones, parseZonesFlag } from "./availability-zones";

export interface OnboardRequest {
  /** The regions file as the user named it, for messages. */
  readonly file: string;
  /**
   * Where it is, when `file` is relative to somewhere other than the process's working directory: the
   * policy files it references are read relative to it. Defaults to `file`.
   */
  readonly path?: string;
  readonly text: string;
  readonly region: string;
  /** The `--azs` value, if given. */
  readonly azs?: string;
}

export interface OnboardPlan {
  readonly entry: NewRegionEntry;
  readonly newText: string;
  readonly inserted: string;
  readonly offset: number;
  readonly netmask: number;
  readonly pool: string;
  /** A caveat about the chosen AZs, when the table has one. */
  readonly zoneNote?: string;
  readonly addedStacks: readonly string[];
  readonly nextCommands: readonly string[];
}

/**
 * A file that does not validate (before or after the edit): every problem, one per line, then the
 * entry that was tried (the line numbers point into a file that was never written), then the verdict.
 */
export class ConfigProblemsError extends UserError {
  constructor(message: string, problems: readonly string[], tried?: string) {
    super(message, tried ? [...problems, `The entry that was tried:\n${tried.replace(/\n$/, "")}`] : problems);
  }
}

/** `validateRegionsText` reading from `path`, reporting as `file`. */
function validate(file: string, path: string, text: string): ValidationResult {
  const result = validateRegionsText(path, text);
  if (result.ok || path === file) return result;
  return { ok: false, errors: result.errors.map((error) => (error.startsWith(`${path}:`) ? file + error.slice(path.length) : error)) };
}

function validConfig(file: string, path: string, text: string): RegionsConfig {
  const result = validate(file, path, text);
  if (!result.ok) {
    throw new ConfigProblemsError(`${file} has ${result.errors.length} problem(s) already; fix them first (npm run validate)`, result.errors);
  }
  return result.config;
}

function zonesFor(region: string, azs: string | undefined): { zones: string[]; note?: string } {
  if (azs !== undefined) {
    const parsed = parseZonesFlag(region, azs);
    if ("problem" in parsed) throw new UserError(parsed.problem);
    return parsed;
  }
  const chosen = defaultZones(region);
  if (!chosen) throw new UserError(`no AZ list for ${region} in cli/onboard/availability-zones.ts; pass --azs a,b,c`);
  return chosen;
}

export function planOnboarding(request: OnboardRequest): OnboardPlan {
  const { file, text, region } = request;
  const path = request.path ?? file;
  const problem = awsRegionProblem(region);
  if (problem) throw new UserError(`--region: ${problem}`);
  const config = validConfig(file, path, text);
  const existing = config.regions.findIndex((entry) => entry.region === region);
  if (existing !== -1) throw new UserError(`${region} is already in ${file} (regions[${existing}]); nothing to do`);
  const pool = config.network.addressPool;
  if (pool === undefined) {
    throw new UserError(`${file} has no network.addressPool to allocate VPC CIDRs from; add one, e.g. \`addressPool: 10.0.0.0/8\` under \`network:\``);
  }

  const { zones, note } = zonesFor(region, request.azs);
  const environments = Object.keys(config.environments);
  const used = workspacePlaces(config).map(({ region: entry, environment }) => entry.workspaces[environment].vpcCidr);
  const netmask = vpcNetmaskLike(used);
  const cidrs = allocateVpcCidrs({ pool, netmask, used, count: environments.length });
  const entry: NewRegionEntry = {
    region,
    availabilityZones: zones,
    vpcCidrs: Object.fromEntries(environments.map((environment, i) => [environment, cidrs[i]])),
  };

  const insertion = appendRegionEntry(text, entry);
  const result = validate(file, path, insertion.text);
  if (!result.ok) {
    throw new ConfigProblemsError(`the ${region} entry would make ${file} invalid (${result.errors.length} problem(s)); nothing was written`, result.errors, insertion.inserted);
  }

  const before = new Set(stackNames(config));
  const addedStacks = stackNames(result.config).filter((name) => !before.has(name));
  return {
    entry,
    newText: insertion.text,
    inserted: insertion.inserted,
    offset: insertion.offset,
    netmask,
    pool,
    ...(note ? { zoneNote: note } : {}),
    addedStacks,
    nextCommands: nextCommands(config, region, file),
  };
}

/** `it's here` → `'it'\''s here'`: a path pasted into a shell stays one word. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * cdktf-cli reports usage to checkpoint-api.hashicorp.com unless CHECKPOINT_DISABLE is set; where that
 * host is unreachable (CI runners, locked-down laptops) every command then prints a red
 * `getaddrinfo ENOTFOUND` error (@cdktf/commons src/checkpoint.js).
 */
const CDKTF = "CHECKPOINT_DISABLE=1 npx cdktf";

/**
 * What to run after the file changed: validate, review against main, then deploy in dependency
 * order, each on the file that was changed (synth and review read $REGIONS_FILE, validate its argument).
 */
function nextCommands(config: RegionsConfig, region: string, file: string): string[] {
  const prefix = `${config.company}-${config.domain}`;
  const isDefault = file === DEFAULT_REGIONS_FILE;
  const withFile = isDefault ? "" : `REGIONS_FILE=${shellWord(file)} `;
  return [
    isDefault ? "npm run validate" : `npm run validate -- ${shellWord(file)}`,
    `${withFile}npm run review -- --base origin/main`,
    `${withFile}${CDKTF} deploy ${accountResourceNames(config).stack}`,
    `${withFile}${CDKTF} deploy '${prefix}-${regionCode(region)}-*' --ignore-missing-stack-dependencies`,
  ];
}

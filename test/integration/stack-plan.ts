/**
 * One AWS-only configuration through terraform, in its own folder: init (from the mirror, through
 * the shared plugin cache), validate, plan -refresh=false, show -json. The first failing step ends
 * the run and its message is terraform's own.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlanJson, type PlanJson } from "./plan-json";
import { parseUiStream, runTerraform, terraformMessage, type StreamedChange, type TerraformContext } from "./terraform";

/**
 * How the folder gets its providers: `init` runs terraform init (each stack of the main tier);
 * `prepared` copies the seed's `.terraform` (same backend, same provider: a link into the shared
 * cache), for the many scenario plans; `ready`: the folder is already initialized (a re-plan).
 */
export type InitMode = "init" | "prepared" | "ready";

export interface PlanRequest {
  readonly dir: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** Written as the local backend's state file before planning. */
  readonly priorState?: unknown;
  /** `plan -destroy`: what `terraform destroy` would do. */
  readonly destroy?: boolean;
  readonly validate?: boolean;
  readonly init?: InitMode;
}

export type PlanStep = "init" | "validate" | "plan" | "show";

export type PlanOutcome =
  | {
      readonly ok: true;
      readonly dir: string;
      /** Managed and data-source changes as terraform streamed them (`plan -json`): actions only. */
      readonly changes: readonly StreamedChange[];
      /** `terraform show -json` of the saved plan: run on first call, then remembered. */
      readonly show: () => Promise<PlanJson>;
    }
  | { readonly ok: false; readonly step: PlanStep; readonly message: string; readonly dir: string };

export interface PlanRunner {
  readonly context: TerraformContext;
  /** Initialized once against the mirror; holds the lock file and the `.terraform` others copy. */
  readonly seedDir: string;
}

const CONFIG_FILE = "main.tf.json";
const PLAN_FILE = "tier.tfplan";
const LOCK_FILE = ".terraform.lock.hcl";

/** The `terraform` block every AWS-only copy has: same backend and provider, so one init serves all. */
export function seedConfig(awsVersion: string): Record<string, unknown> {
  return {
    terraform: {
      backend: { local: { path: "terraform.tfstate" } },
      required_providers: { aws: { source: "hashicorp/aws", version: awsVersion } },
    },
  };
}

/**
 * Initializes an empty configuration that requires hashicorp/aws `version`, once, so the shared
 * plugin cache and the lock file exist before stacks initialize in parallel (the plugin cache is
 * not safe for concurrent installs).
 */
export async function seedProviderCache(
  context: TerraformContext,
  dir: string,
  awsVersion: string,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CONFIG_FILE), JSON.stringify(seedConfig(awsVersion), null, 2));
  const init = await runTerraform(context, dir, ["init", "-input=false", "-no-color"]);
  return init.code === 0 ? { ok: true } : { ok: false, message: terraformMessage(init) };
}

/** The provider schemas (`terraform providers schema -json`) from an initialized folder. */
export async function providerSchemas(context: TerraformContext, dir: string): Promise<unknown> {
  const run = await runTerraform(context, dir, ["providers", "schema", "-json"]);
  if (run.code !== 0) throw new Error(`terraform providers schema failed:\n${terraformMessage(run)}`);
  return JSON.parse(run.stdout);
}

/** Writes the configuration (and prior state), and the seed's lock file and, for `prepared`, its `.terraform`. */
export function prepareFolder(runner: PlanRunner, request: PlanRequest): void {
  const { dir } = request;
  mkdirSync(dir, { recursive: true });
  // Indented: terraform quotes the offending line of the file in its messages.
  writeFileSync(join(dir, CONFIG_FILE), JSON.stringify(request.config, null, 2));
  copyFileSync(join(runner.seedDir, LOCK_FILE), join(dir, LOCK_FILE));
  if (request.init === "prepared") {
    cpSync(join(runner.seedDir, ".terraform"), join(dir, ".terraform"), { recursive: true, verbatimSymlinks: true });
  }
  if (request.priorState !== undefined) writeFileSync(join(dir, "terraform.tfstate"), JSON.stringify(request.priorState, null, 2));
}

const planArgs = (request: PlanRequest) => [
  "plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", ...(request.destroy ? ["-destroy"] : []),
];

/**
 * init (per `request.init`), validate (if asked), `plan -json -out`. The plan's actions come from
 * terraform's streamed UI; the full plan JSON (`show -json`, another provider start) only on demand.
 */
export async function planStack(runner: PlanRunner, request: PlanRequest): Promise<PlanOutcome> {
  const { dir } = request;
  prepareFolder(runner, request);
  const steps: [PlanStep, string[]][] = [];
  if ((request.init ?? "init") === "init") steps.push(["init", ["init", "-input=false", "-no-color"]]);
  if (request.validate) steps.push(["validate", ["validate", "-no-color"]]);
  for (const [step, args] of steps) {
    const run = await runTerraform(runner.context, dir, args);
    if (run.code !== 0) return { ok: false, step, message: terraformMessage(run), dir };
  }
  const plan = await runTerraform(runner.context, dir, [...planArgs(request), "-json", `-out=${PLAN_FILE}`]);
  const streamed = parseUiStream(plan.stdout);
  if (plan.code !== 0) return { ok: false, step: "plan", message: streamed.errors || terraformMessage(plan), dir };
  let shown: Promise<PlanJson> | undefined;
  const show = () =>
    (shown ??= runTerraform(runner.context, dir, ["show", "-json", PLAN_FILE]).then((run) => {
      if (run.code !== 0) throw new Error(`terraform show -json in ${dir} failed:\n${terraformMessage(run)}`);
      writeFileSync(join(dir, "plan.json"), run.stdout);
      return parsePlanJson(run.stdout);
    }));
  return { ok: true, dir, changes: streamed.changes, show };
}

/**
 * Does terraform plan any change (resources or outputs) for the folder's configuration on
 * `priorState`? `plan -detailed-exitcode`: 0 none, 2 some, 1 error.
 */
export async function plansChanges(
  runner: PlanRunner,
  request: PlanRequest,
): Promise<{ readonly ok: true; readonly changes: boolean; readonly text: string } | { readonly ok: false; readonly message: string }> {
  prepareFolder(runner, request);
  const run = await runTerraform(runner.context, request.dir, [...planArgs(request), "-detailed-exitcode"]);
  if (run.code === 1) return { ok: false, message: terraformMessage(run) };
  return { ok: true, changes: run.code === 2, text: run.stdout };
}

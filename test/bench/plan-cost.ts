/**
 * What a pull request's terraform plans cost: per stack, `init` (plugin cache warm, lock file
 * present), `plan -refresh=false` and `show -json`, exactly the three commands the PR workflow runs
 * per changed stack, with the real terraform and the offline AWS provider (the integration tier's
 * set-up: test/integration/environment.ts). From that, the wall time of a change that touches S
 * stacks, planned by N parallel jobs of one stack each (issue 14's PR matrix): ceil(S / N) × t.
 *
 * Offline lower bounds: a real plan also refreshes every resource through the AWS and Databricks
 * APIs, and each CI job first checks out, installs and synthesizes. The Databricks-only `-config`
 * stacks cannot be planned here (no Databricks provider offline); the AWS stacks' figure stands in.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { awsOnlyStack } from "../integration/aws-only";
import { detectSetup, terraformEnvironment } from "../integration/environment";
import { log, type Bench } from "./bench";
import type { Command, Sample } from "./measure";
import { spread, type Spread } from "./stats";

export const PARALLEL_JOBS = [1, 8, 32] as const;

const STEPS = ["init", "plan", "show"] as const;
type Step = (typeof STEPS)[number];

const ARGS: Readonly<Record<Step, readonly string[]>> = {
  init: ["init", "-input=false", "-no-color"],
  plan: ["plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=plan.tfplan"],
  show: ["show", "-json", "plan.tfplan"],
};

export interface StackPlanCost {
  readonly stack: string;
  readonly awsResources: number;
  /** Per step: CPU (user + system, the provider included) and wall, over the runs. */
  readonly steps: Readonly<Record<Step, { readonly cpuMs: Spread; readonly wallMs: Spread }>>;
  /** Median CPU of init + plan + show: what one stack costs a job on one core. */
  readonly totalCpuMs: number;
  readonly totalWallMs: number;
}

export interface Projection {
  readonly change: string;
  readonly stacks: number;
  /** Jobs in parallel → projected wall time of the plans, ms. */
  readonly wallMs: readonly { readonly jobs: number; readonly ms: number }[];
}

export type PlanCost =
  | { readonly skipped: string }
  | {
      readonly terraform: string;
      readonly stacks: readonly StackPlanCost[];
      /** The per-stack time the projections use (the dearest stack measured). */
      readonly perStackMs: number;
      readonly projections: readonly Projection[];
    };

/** ceil(S / N) rounds of one stack per job. */
export function projectWall(stacks: number, perStackMs: number, jobs: readonly number[] = PARALLEL_JOBS): Projection["wallMs"] {
  return jobs.map((n) => ({ jobs: n, ms: Math.ceil(stacks / n) * perStackMs }));
}

export interface PlanCostInput {
  readonly bench: Bench;
  readonly workDir: string;
  /** A synth of the shipped file: the stacks measured come from it. */
  readonly synthDir: string;
  /** The changes to project: how many stacks each touches (review says which). */
  readonly changes: readonly { readonly change: string; readonly stacks: number }[];
  readonly runs?: number;
}

/** The account stack and the largest workspace stack: the two shapes of AWS stack we have. */
function pickStacks(synthDir: string): { name: string; json: unknown }[] {
  const manifest = JSON.parse(readFileSync(join(synthDir, "manifest.json"), "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
  const all = Object.entries(manifest.stacks).map(([name, stack]) => {
    const text = readFileSync(join(synthDir, stack.synthesizedStackPath), "utf8");
    return { name, json: JSON.parse(text) as unknown, bytes: text.length };
  });
  const account = all.find((stack) => stack.name.endsWith("-account"));
  // Workspace stacks hold the VPC, buckets and roles; -config stacks are Databricks-only.
  const workspaces = all.filter((stack) => stack !== account && !/-(config|bootstrap)$/.test(stack.name));
  const largest = workspaces.sort((a, b) => b.bytes - a.bytes)[0];
  return [largest, account].filter((stack): stack is (typeof all)[number] => stack !== undefined);
}

export function measurePlanCost(input: PlanCostInput): PlanCost {
  const found = detectSetup();
  if (!found.ok) return { skipped: `terraform plan rows skipped: ${found.missing}` };
  const { setup } = found;
  const { bench, workDir } = input;
  // As the PR workflow runs terraform: no GOGC tuning (the tier sets one; CI jobs do not).
  const { GOGC: _tierOnly, ...env } = terraformEnvironment(setup, workDir);
  const terraform = (dir: string, step: Step): Command => ({ file: setup.terraformBin, args: ARGS[step], cwd: dir, env, cleanEnv: true, timeoutMs: 600_000 });

  const copies = pickStacks(input.synthDir).flatMap(({ name, json }) => {
    const copy = awsOnlyStack(json, { awsProviderVersion: setup.awsVersion });
    return copy.status === "aws-only" ? [{ name, json: copy.json, awsResources: copy.awsResources }] : [];
  });
  // The first init fills the plugin cache from the mirror and writes the lock file every later folder gets.
  const seed = join(workDir, "seed");
  mkdirSync(seed, { recursive: true });
  writeFileSync(join(seed, "main.tf.json"), JSON.stringify(copies[0].json));
  log("plan cost: seed init (fills the plugin cache)");
  bench.run(terraform(seed, "init"));

  const runs = input.runs ?? 3;
  const samples = new Map(copies.map((copy) => [copy.name, Object.fromEntries(STEPS.map((step) => [step, [] as Sample[]])) as Record<Step, Sample[]>]));
  for (let run = 1; run <= runs; run++) {
    for (const copy of copies) {
      log(`plan cost: ${copy.name} run ${run}/${runs}`);
      const dir = join(workDir, `${copy.name}-${run}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify(copy.json, null, 2));
      copyFileSync(join(seed, ".terraform.lock.hcl"), join(dir, ".terraform.lock.hcl"));
      for (const step of STEPS) samples.get(copy.name)![step].push(bench.run(terraform(dir, step)));
    }
  }

  const stacks = copies.map((copy): StackPlanCost => {
    const perStep = samples.get(copy.name)!;
    const steps = Object.fromEntries(
      STEPS.map((step) => [step, { cpuMs: spread(perStep[step].map((s) => s.cpuMs)), wallMs: spread(perStep[step].map((s) => s.wallMs)) }]),
    ) as StackPlanCost["steps"];
    return {
      stack: copy.name,
      awsResources: copy.awsResources,
      steps,
      totalCpuMs: STEPS.reduce((sum, step) => sum + steps[step].cpuMs.median, 0),
      totalWallMs: STEPS.reduce((sum, step) => sum + steps[step].wallMs.median, 0),
    };
  });
  const perStackMs = Math.max(...stacks.map((stack) => stack.totalCpuMs));
  return {
    terraform: `terraform ${setup.terraformVersion}, hashicorp/aws ${setup.awsVersion} (offline mirror ${setup.mirrorRoot})`,
    stacks,
    perStackMs,
    projections: input.changes.map(({ change, stacks: count }) => ({ change, stacks: count, wallMs: projectWall(count, perStackMs) })),
  };
}

/**
 * The tier's proof that review's state-move commands for the local backend work (cli/review/
 * state-moves.ts), run with the real terraform on a company rename synthesized without a `state:`
 * block, exactly as printed, from a project folder laid out the way the app and cdktf lay it out:
 *
 * 1. the old stack's folder holds its AWS-only configuration with the backend as synthesized, and its
 *    state (written from the base plan, prior-states.ts) where that backend keeps it;
 * 2. the steps review says must run before the synth run;
 * 3. the synth is done the way `cdktf synth` does it: the old stack's folder is deleted (state file
 *    included, when it lived there) and the new one written. The new folder gets the OLD configuration
 *    under the NEW backend, so a complete move must plan no change at all;
 * 4. the remaining steps run; review's `plan` runs as `plan -refresh=false -detailed-exitcode` (a
 *    refresh needs the AWS API), and must exit 0. Before the push, the same plan must create every
 *    resource (the failure the move prevents); after it, pushing an unrelated state must be refused.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { compareSynthDirs } from "../../cli/review/compare";
import { localStateFile } from "../../domain/naming";
import { backendOf, type StateMove } from "../../cli/review/state-moves";
import type { JsonObject } from "../../tfjson/json";
import { awsOnlyStack } from "./aws-only";
import type { StateV4 } from "./prior-state";
import type { PlanRunner } from "./stack-plan";
import { readSynthStacks } from "./synth";
import { terraformMessage, type TerraformContext, type TerraformRun } from "./terraform";

type Json = Record<string, unknown>;


export interface StateMoveInput {
  readonly runner: PlanRunner;
  readonly baseSynth: string;
  readonly headSynth: string;
  readonly workDir: string;
  readonly awsVersion: string;
  /** The converged state of a base stack (the S3-backed base: same AWS configuration, another backend). */
  readonly baseState: (stack: string) => Promise<StateV4>;
  readonly terraformVersion: string;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly line: string;
}

/** Runs one shell command as the user would, from `cwd`, with the tier's terraform first on PATH. */
function runShell(context: TerraformContext, cwd: string, command: string): Promise<TerraformRun> {
  const env = { ...context.env, PATH: `${dirname(context.terraformBin)}:${context.env.PATH ?? ""}` };
  return context.limit(
    () =>
      new Promise((resolvePromise, reject) => {
        const child = context.children.spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
        child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
        child.on("error", reject);
        child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
      }),
  );
}

const PLAN_STEP = /^terraform (-chdir=\S+) plan$/;

/** Review's `plan` as it can run offline. */
function offlinePlan(command: string): string {
  return command.replace(PLAN_STEP, "terraform $1 plan -refresh=false -input=false -no-color -detailed-exitcode");
}

/** The AWS-only configuration of `stack` with its synthesized backend put back. */
function withSynthBackend(stack: Json, awsVersion: string): Json | undefined {
  const copy = awsOnlyStack(stack, { awsProviderVersion: awsVersion });
  if (copy.status !== "aws-only") return undefined;
  const terraform = copy.json.terraform as Json;
  return { ...copy.json, terraform: { ...terraform, backend: (stack.terraform as Json).backend } };
}

class StepFailure extends Error {}

async function step(context: TerraformContext, cwd: string, command: string, expect: (run: TerraformRun) => boolean, what: string): Promise<TerraformRun> {
  const run = await runShell(context, cwd, command);
  if (!expect(run)) throw new StepFailure(`${what}: \`${command}\` exited ${run.code}:\n${terraformMessage(run)}`);
  return run;
}

const createsIn = (run: TerraformRun) => Number(/Plan: (\d+) to add/.exec(run.stdout)?.[1] ?? "NaN");

export async function checkStateMoves(input: StateMoveInput): Promise<CheckResult> {
  const report = compareSynthDirs(input.baseSynth, input.headSynth);
  const baseStacks = readSynthStacks(input.baseSynth);
  const headStacks = readSynthStacks(input.headSynth);
  const move = (report.stateMoves ?? []).find((m) => m.backend === "local" && JSON.stringify(baseStacks.get(m.from)?.resource ?? {}).includes("databricks_mws_workspaces"));
  if (!move) return { ok: false, line: "state moves FAILED: review printed no local-backend move for a renamed workspace stack" };
  const context = input.runner.context;
  const project = join(input.workDir, "state-moves", "project");
  const label = `state moves (local backend): ${move.from} → ${move.to}`;
  try {
    const oldConfig = withSynthBackend(baseStacks.get(move.from)!, input.awsVersion);
    const newBackend = (headStacks.get(move.to)!.terraform as JsonObject).backend;
    if (!oldConfig) throw new StepFailure(`${move.from} has no AWS resources`);
    const oldDir = join(project, "cdktf.out", "stacks", move.from);
    const newDir = join(project, "cdktf.out", "stacks", move.to);
    mkdirSync(oldDir, { recursive: true });
    writeFileSync(join(oldDir, "main.tf.json"), JSON.stringify(oldConfig, null, 2));
    const oldBackend = backendOf((oldConfig.terraform as JsonObject).backend as JsonObject);
    if (oldBackend?.kind !== "local") throw new StepFailure(`${move.from}'s synthesized backend is not local`);
    const oldStateFile = resolve(oldDir, oldBackend.path);
    // The synth's state paths lead into its own project folder; this one stands in for it.
    if (!oldStateFile.startsWith(`${project}${sep}`)) throw new StepFailure(`${move.from}'s local state ${oldBackend.path} lies outside the project folder`);
    mkdirSync(dirname(oldStateFile), { recursive: true });
    const state = await input.baseState(move.from);
    writeFileSync(oldStateFile, JSON.stringify(state, null, 2));

    const steps = (phase: StateMove["steps"][number]["phase"]) => move.steps.filter((s) => s.phase === phase);
    for (const before of steps("before-synth")) await step(context, project, before.command, (run) => run.code === 0, "before the synth");
    // What `cdktf synth` does to the folders (research-14 §1.4): the old one goes, state and all.
    rmSync(oldDir, { recursive: true, force: true });
    mkdirSync(newDir, { recursive: true });
    writeFileSync(join(newDir, "main.tf.json"), JSON.stringify({ ...oldConfig, terraform: { ...(oldConfig.terraform as Json), backend: newBackend } }, null, 2));

    const after = steps("after-synth");
    const pushAt = after.findIndex((s) => / state push /.test(s.command));
    const planAt = after.findIndex((s) => PLAN_STEP.test(s.command));
    if (pushAt < 1 || planAt < pushAt) throw new StepFailure(`unexpected steps: ${after.map((s) => s.command).join("; ")}`);
    for (const init of after.slice(0, pushAt)) await step(context, project, init.command, (run) => run.code === 0, "init");
    const unmoved = await step(context, project, offlinePlan(after[planAt].command), (run) => run.code === 2, "the plan before the push must create everything");
    const resources = Object.values(oldConfig.resource as Record<string, Json>).reduce((sum, instances) => sum + Object.keys(instances).length, 0);
    if (createsIn(unmoved) !== resources) throw new StepFailure(`before the push the new name plans ${createsIn(unmoved)} to add, expected all ${resources}`);
    await step(context, project, after[pushAt].command, (run) => run.code === 0, "state push");
    await step(context, project, offlinePlan(after[planAt].command), (run) => run.code === 0, "after the push the old configuration under the new name must plan no change");
    for (const rest of after.slice(planAt + 1)) await step(context, project, rest.command, (run) => run.code === 0, "after the plan");

    const newStateFile = resolve(newDir, (backendOf(newBackend as JsonObject) as { path: string }).path);
    // Where the naming module says a stack's local state lives (in the project folder): the move must end there.
    if (newStateFile !== resolve(project, localStateFile(move.to))) throw new StepFailure(`the new backend keeps state at ${newStateFile}, the naming module says ${localStateFile(move.to)}`);
    const moved = JSON.parse(readFileSync(newStateFile, "utf8")) as StateV4;
    if (moved.lineage !== state.lineage || existsSync(oldStateFile)) throw new StepFailure("the state did not end up (only) under the new name");
    const unrelated = join(project, "unrelated.tfstate");
    writeFileSync(unrelated, JSON.stringify({ ...state, lineage: "00000000-0000-4000-8000-000000000000", serial: state.serial + 10 }));
    const chdir = PLAN_STEP.exec(after[planAt].command)![1];
    const refused = await step(context, project, `terraform ${chdir} state push ../../../unrelated.tfstate`, (run) => run.code !== 0, "pushing an unrelated state must be refused");
    if (!/cannot import state with lineage/.test(refused.stderr + refused.stdout)) throw new StepFailure(`an unrelated state was refused for another reason:\n${terraformMessage(refused)}`);
    return {
      ok: true,
      line:
        `${label}: review's ${move.steps.length} commands run with terraform ${input.terraformVersion}; before the push the new name plans ${resources} to add, ` +
        `after it the same configuration plans no change; an unrelated state is refused (lineage)`,
    };
  } catch (error) {
    if (error instanceof StepFailure) return { ok: false, line: `${label} FAILED: ${error.message}` };
    throw error;
  }
}

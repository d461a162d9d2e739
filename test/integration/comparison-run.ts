/**
 * The tier's second claim: for scenarios that touch AWS resources, `review`'s prediction matches
 * what terraform plans. Per scenario: the edited regions.yaml synthesized, review run on base/head,
 * and every stack whose AWS half changed planned against the base stack's state:
 * - a stack on both sides: the head copy planned on the base state (-refresh=false);
 * - an added stack: planned from an empty state;
 * - a removed stack: nothing. It left the synth, so `cdktf deploy` never runs terraform for it again
 *   (review calls its resources orphaned);
 * - a decommissioning stack: `plan -destroy` of the head copy on the base state (what `cdktf destroy`
 *   runs), which must not be refused: decommissioning lifts prevent_destroy.
 * A plan terraform refuses because of prevent_destroy is planned again without it, so both the
 * refusal and the actions behind it are known.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { compareSynthDirs } from "../../cli/review/compare";
import { readLifecycleMarker } from "../../tfjson/lifecycle-marker";
import { awsOnlyStack, type AwsOnlyResult } from "./aws-only";
import { compareStack, reviewChangesOf, terraformVerdicts, verdictsFromStream, type TerraformVerdict } from "./compare";
import { renderComparison, type ScenarioComparison } from "./comparison-table";
import type { ChildProcesses } from "./children";
import type { Limiter } from "./pool";
import type { ProviderSchemas, StateV4 } from "./prior-state";
import { convergePriorState } from "./prior-states";
import { SCENARIOS, type Scenario } from "./scenarios";
import { planStack, type PlanRunner } from "./stack-plan";
import type { StackVerdict } from "./stack-tier";
import { readSynthStacks, synthesize } from "./synth";
import { onlyPreventDestroyErrors, preventDestroyRefusals } from "./terraform";

type Json = Record<string, unknown>;
type AwsOnlyCopy = Extract<AwsOnlyResult, { status: "aws-only" }>;

export class TierFailure extends Error {}

export interface ScenarioHead {
  readonly scenario: Scenario;
  readonly synthDir: string;
  readonly stacks: ReadonlyMap<string, Json>;
}

/**
 * A folder for an edited regions file. regions.yaml names files beside it (`policies/job.json`),
 * so every sibling of the shipped file is linked in: the edited copy reads the same files.
 */
function regionsFolder(baseRegions: string, dir: string): string {
  const baseDir = dirname(resolve(baseRegions));
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(baseDir)) {
    if (entry !== basename(baseRegions)) symlinkSync(join(baseDir, entry), join(dir, entry));
  }
  return join(dir, basename(baseRegions));
}

/** Writes `edit` of the base regions file into `dir` and synthesizes it into `dir/synth` (through the shared limiter). */
export async function synthesizeEdited(baseRegions: string, dir: string, edit: (text: string) => string, limit: Limiter, children: ChildProcesses): Promise<string> {
  const synthDir = join(dir, "synth");
  const regionsFile = regionsFolder(baseRegions, join(dir, "regions"));
  writeFileSync(regionsFile, edit(readFileSync(baseRegions, "utf8")));
  await synthesize(regionsFile, synthDir, limit, children);
  return synthDir;
}

/** Writes each scenario's regions file and synthesizes it (through the shared limiter). */
export function synthesizeScenarios(baseRegions: string, workDir: string, limit: Limiter, children: ChildProcesses): Promise<ScenarioHead[]> {
  return Promise.all(
    SCENARIOS.map(async (scenario) => {
      let synthDir: string;
      try {
        synthDir = await synthesizeEdited(baseRegions, join(workDir, "scenarios", scenario.name), scenario.edit, limit, children);
      } catch (error) {
        throw new TierFailure(`scenario ${scenario.name}: ${(error as Error).message}`);
      }
      return { scenario, synthDir, stacks: readSynthStacks(synthDir) };
    }),
  );
}

export interface ComparisonInput {
  readonly runner: PlanRunner;
  readonly schemas: ProviderSchemas;
  readonly baseSynth: string;
  readonly baseVerdicts: readonly StackVerdict[];
  readonly heads: readonly ScenarioHead[];
  readonly workDir: string;
  readonly awsVersion: string;
}

/** terraform's verdicts for one stack of one scenario. */
interface StackOutcome {
  readonly verdicts: ReadonlyMap<string, TerraformVerdict>;
  readonly awsAddresses: ReadonlySet<string>;
  /** Attributes fed by placeholders in the planned copy (aws-only.ts). */
  readonly placeholderFed: ReadonlyMap<string, ReadonlySet<string>>;
  /** terraform planned this stack (false: its AWS half is unchanged, nothing to plan). */
  readonly planned: boolean;
  /** Verdicts with replace_paths and changed attributes, from the full plan JSON (when `verdicts` has actions only). */
  readonly detailed?: () => Promise<ReadonlyMap<string, TerraformVerdict>>;
}

export interface ComparisonResult {
  readonly ok: boolean;
  readonly text: string;
  /** A base stack's converged state (built once, shared with later checks), when the comparison ran. */
  readonly baseState?: (stack: string) => Promise<StateV4>;
}

export function awsAddressesOf(config: Json | undefined): Set<string> {
  const resources = (config?.resource ?? {}) as Record<string, Record<string, unknown>>;
  return new Set(
    Object.entries(resources)
      .filter(([type]) => type !== "terraform_data")
      .flatMap(([type, instances]) => Object.keys(instances).map((name) => `${type}.${name}`)),
  );
}

/** Settles every promise before failing, so no terraform process outlives the tier's temporary folder. */
async function allSettled<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

class ScenarioPlanner {
  private readonly states = new Map<string, Promise<StateV4>>();
  private readonly baseConfigs: ReadonlyMap<string, Json>;
  plansRun = 0;
  stateRounds: number[] = [];

  constructor(private readonly input: ComparisonInput) {
    this.baseConfigs = new Map(input.baseVerdicts.flatMap((v) => (v.status === "planned" ? [[v.stack, v.config] as [string, Json]] : [])));
  }

  /** The base stack's state, built once (prior-states.ts) and shared by every scenario. */
  state(stack: string): Promise<StateV4> {
    let pending = this.states.get(stack);
    if (!pending) {
      const verdict = this.input.baseVerdicts.find((v) => v.stack === stack);
      if (verdict?.status !== "planned") throw new TierFailure(`${stack}: no base plan to build a state from`);
      pending = convergePriorState(this.input.runner, join(this.input.workDir, "stacks", stack), verdict.config, verdict.plan, this.input.schemas).then(
        (converged) => {
          if (!converged.ok) throw new TierFailure(`${stack}: cannot build its prior state: ${converged.message}`);
          this.stateRounds.push(converged.rounds);
          return converged.state;
        },
      );
      this.states.set(stack, pending);
    }
    return pending;
  }

  private copy(stack: Json, keepPreventDestroy: boolean): AwsOnlyCopy | undefined {
    const result = awsOnlyStack(stack, { awsProviderVersion: this.input.awsVersion, keepPreventDestroy });
    return result.status === "aws-only" ? result : undefined;
  }

  /**
   * Plans `stack`'s copy; a prevent_destroy refusal is recorded and the plan repeated without the
   * flag. A replacement needs its replace_paths, so the full plan is read at once; otherwise the
   * streamed actions do, and the full plan is read only to explain a disagreement.
   */
  private async plan(label: string, dir: string, stack: Json, priorState: StateV4 | undefined, destroy: boolean): Promise<StackOutcome> {
    const copy = this.copy(stack, true)!;
    const config = copy.json;
    this.plansRun++;
    let outcome = await planStack(this.input.runner, { dir, config, priorState, destroy, init: "prepared" });
    let refused: string[] = [];
    if (!outcome.ok && outcome.step === "plan" && onlyPreventDestroyErrors(outcome.message)) {
      refused = preventDestroyRefusals(outcome.message);
      this.plansRun++;
      outcome = await planStack(this.input.runner, { dir, config: this.copy(stack, false)!.json, priorState, destroy, init: "ready" });
      if (!outcome.ok) throw new TierFailure(`${label}: terraform ${outcome.step} failed without prevent_destroy:\n${outcome.message}`);
    }
    if (!outcome.ok) throw new TierFailure(`${label}: terraform ${outcome.step} failed:\n${outcome.message}`);
    const { show } = outcome;
    const detailed = async () => terraformVerdicts(await show(), refused);
    const awsAddresses = awsAddressesOf(config);
    const { placeholderFed } = copy;
    if (outcome.changes.some((change) => change.action === "replace")) return { verdicts: await detailed(), awsAddresses, placeholderFed, planned: true };
    return { verdicts: verdictsFromStream(outcome.changes, refused), awsAddresses, placeholderFed, planned: true, detailed };
  }

  /** `cdktf destroy` of a decommissioning stack: its head configuration, destroyed, on its base state. */
  private async destroyPlan(head: ScenarioHead, stack: string, headStack: Json): Promise<StackOutcome> {
    const label = `${head.scenario.name}: ${stack} (destroy)`;
    const dir = join(this.input.workDir, "scenarios", head.scenario.name, "destroy", stack);
    const outcome = await this.plan(label, dir, headStack, await this.state(stack), true);
    const refused = [...outcome.verdicts].filter(([, verdict]) => verdict.refused).map(([address]) => address);
    if (refused.length) throw new TierFailure(`${label}: terraform refuses to destroy ${refused.join(", ")} (prevent_destroy) although the region is decommissioned`);
    return outcome;
  }

  /**
   * terraform's verdicts for `stack` (a head name, or a base name the head lost) in a scenario;
   * undefined when the stack has no AWS half on either side. `renamedFrom`: review paired this head
   * stack with a base stack of another name and predicts as if its state were moved to the new key,
   * so terraform plans it on that base stack's state.
   */
  async outcome(head: ScenarioHead, stack: string, renamedFrom: string | undefined): Promise<StackOutcome | undefined> {
    const headStack = head.stacks.get(stack);
    const baseName = renamedFrom ?? stack;
    const baseConfig = this.baseConfigs.get(baseName);
    // Gone from the synth: no deploy runs terraform for it again; its resources stay as they are.
    if (!headStack) return baseConfig ? { verdicts: new Map(), awsAddresses: awsAddressesOf(baseConfig), placeholderFed: new Map(), planned: false } : undefined;
    const headCopy = this.copy(headStack, true);
    if (!headCopy) return undefined;
    if (readLifecycleMarker(headStack).decommission && baseConfig && !renamedFrom) return this.destroyPlan(head, stack, headStack);
    const headConfig = headCopy.json;
    const label = `${head.scenario.name}: ${stack}`;
    const dir = join(this.input.workDir, "scenarios", head.scenario.name, "plans", stack);
    if (!baseConfig) return this.plan(label, dir, headStack, undefined, false);
    // Same configuration on the same state: terraform plans nothing (the state check proved it).
    if (JSON.stringify(headConfig) === JSON.stringify(baseConfig)) {
      return { verdicts: new Map(), awsAddresses: awsAddressesOf(baseConfig), placeholderFed: headCopy.placeholderFed, planned: false };
    }
    const outcome = await this.plan(label, dir, headStack, await this.state(baseName), false);
    return { ...outcome, awsAddresses: new Set([...outcome.awsAddresses, ...awsAddressesOf(baseConfig)]) };
  }
}

export async function runComparisons(input: ComparisonInput): Promise<ComparisonResult> {
  const planner = new ScenarioPlanner(input);
  const baseNames = [...readSynthStacks(input.baseSynth).keys()];
  const reports = new Map(input.heads.map((head) => [head.scenario.name, compareSynthDirs(input.baseSynth, head.synthDir)]));
  const jobs = input.heads.flatMap((head) => {
    const report = reports.get(head.scenario.name)!;
    const renamed = new Map(report.stacks.flatMap((s) => (s.renamedFrom ? [[s.name, s.renamedFrom] as [string, string]] : [])));
    const movedAway = new Set(renamed.values());
    const names = [...new Set([...baseNames.filter((name) => !movedAway.has(name)), ...head.stacks.keys()])].sort();
    return names.map((stack) => ({ head, stack, renamedFrom: renamed.get(stack) }));
  });
  const outcomes = await allSettled(
    jobs.map(async ({ head, stack, renamedFrom }) => ({
      scenario: head.scenario.name,
      stack,
      outcome: await planner.outcome(head, stack, renamedFrom),
    })),
  );

  const comparisons: ScenarioComparison[] = [];
  for (const head of input.heads) {
    const report = reports.get(head.scenario.name)!;
    const mine = outcomes.flatMap((o) => (o.scenario === head.scenario.name && o.outcome ? [{ stack: o.stack, outcome: o.outcome }] : []));
    const stacks = await allSettled(
      mine.map(async ({ stack, outcome }) => {
        const changes = reviewChangesOf(report, stack);
        const first = compareStack(stack, changes, outcome.verdicts, outcome.awsAddresses, outcome.placeholderFed);
        // A disagreement must name the attribute: read the full plan for it.
        if (first.rows.every((row) => row.agree) || !outcome.detailed) return first;
        return compareStack(stack, changes, await outcome.detailed(), outcome.awsAddresses, outcome.placeholderFed);
      }),
    );
    comparisons.push({
      scenario: head.scenario.name,
      what: head.scenario.what,
      rows: stacks.flatMap((s) => s.rows),
      unchanged: stacks.reduce((sum, s) => sum + s.unchanged, 0),
      identicalStacks: mine.filter(({ outcome }) => !outcome.planned).length,
    });
  }
  const mismatches = comparisons.reduce((sum, c) => sum + c.rows.filter((r) => !r.agree).length, 0);
  const compared = comparisons.reduce((sum, c) => sum + c.rows.length, 0);
  const partly = comparisons.reduce((sum, c) => sum + c.rows.filter((r) => r.agree && r.note).length, 0);
  const rounds = planner.stateRounds;
  const text = [
    `prior states: ${rounds.length} base stacks written from their plans (fake ids for computed values); ` +
      `each base configuration plans no change on its state after ${Math.min(...rounds)}–${Math.max(...rounds)} plan(s)`,
    "review vs terraform (AWS resources only):",
    renderComparison(comparisons),
    `comparison: ${SCENARIOS.length} scenarios, ${planner.plansRun} terraform plans, ${compared} changed AWS resources compared, ` +
      `${mismatches} mismatch(es), ${partly} partly unchecked (placeholders)`,
  ].join("\n");
  return { ok: mismatches === 0, text, baseState: (stack) => planner.state(stack) };
}

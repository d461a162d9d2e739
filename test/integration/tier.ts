/**
 * The integration tier's run: the real terraform validates and plans the AWS half of every stack of
 * the shipped regions.yaml, offline; then `review`'s predictions are checked against terraform's
 * plans for scenarios that touch AWS resources (docs/integration-tier.md). cli.ts starts it.
 */
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { ChildProcesses } from "./children";
import { runComparisons, synthesizeEdited, synthesizeScenarios, TierFailure, type ComparisonResult } from "./comparison-run";
import { detectSetup, terraformEnvironment, terraformPlatform } from "./environment";
import { saveFixtures } from "./fixture-run";
import { createLimiter } from "./pool";
import type { ProviderSchemas } from "./prior-state";
import { providerBinary, startProviderLanes } from "./provider-lanes";
import { laneCheck, selfCheck, withBrokenVpcCidr } from "./self-check";
import { SCENARIOS } from "./scenarios";
import { checkLocalTrial } from "./local-state";
import { synthesizeLocalTrial } from "./synth";
import { providerSchemas, seedProviderCache, type PlanRunner } from "./stack-plan";
import { checkStateMoves } from "./state-move-check";
import { checkImports } from "./import-check";
import { adoptUse1Dev, FULL_ADOPTION } from "../fixtures/lifecycle-edits";
import { totalLine, verdictLine, verifyStacks } from "./stack-tier";
import { bindingsAwsVersion, readSynthStacks, synthesize } from "./synth";

const SHIPPED_REGIONS = "regions.yaml";

export interface TierRunOptions {
  readonly log: (line?: string) => void;
  /** Every process the run starts registers here (children.ts). */
  readonly children: ChildProcesses;
  /** Write the real plan JSON fixtures under test/fixtures/plans/real/. */
  readonly saveFixtures: boolean;
}

/** The tier's run in `workDir`: true when everything passed, "skipped" when terraform or the mirror is absent. */
export async function runTier(workDir: string, options: TierRunOptions): Promise<boolean | "skipped"> {
  const { log, children } = options;
  const found = detectSetup();
  if (!found.ok) {
    log(`skipped: ${found.missing}`);
    return "skipped";
  }
  const { setup } = found;
  const parallelism = availableParallelism();
  const limit = createLimiter(parallelism);
  const context = { terraformBin: setup.terraformBin, env: terraformEnvironment(setup, workDir), limit, children };
  const baseSynth = join(workDir, "synth", "base");
  const seedDir = join(workDir, "seed");
  const [synth, seed] = await Promise.allSettled([synthesize(SHIPPED_REGIONS, baseSynth, limit, children), seedProviderCache(context, seedDir, setup.awsVersion)]);
  if (synth.status === "rejected") {
    log(`FAILED: ${(synth.reason as Error).message}`);
    return false;
  }
  if (seed.status === "rejected") throw seed.reason;
  const stacks = readSynthStacks(baseSynth);
  const bindings = [...stacks.values()].map(bindingsAwsVersion).find(Boolean);
  log(
    `terraform ${setup.terraformVersion}, hashicorp/aws ${setup.awsVersion} from the mirror ${setup.mirrorRoot} ` +
      `(bindings target ${bindings ?? "?"}); ${stacks.size} stacks from ${SHIPPED_REGIONS}; ${parallelism} terraform processes at a time`,
  );
  if (!seed.value.ok) {
    log(`FAILED: terraform init against the mirror ${setup.mirrorRoot}:\n${seed.value.message}`);
    return false;
  }
  // One provider per terraform process at a time, started once: each command used to start its own.
  const lanes = await startProviderLanes(children, providerBinary(setup.mirrorRoot, setup.awsVersion, terraformPlatform()), context.env, parallelism);
  const runner: PlanRunner = { context: { ...context, lanes }, seedDir };

  // Started now, used after the stacks pass: the synths and the schema dump fill idle cores.
  const heads = synthesizeScenarios(SHIPPED_REGIONS, workDir, limit, children);
  const schemas = providerSchemas(runner.context, seedDir);
  // The state-move check: the company rename again, with local state (no `state:` block), each
  // synthesized as `npm run synth` does in a project folder of its own (cdktf.out, terraform-state/).
  const renamed = SCENARIOS.find((scenario) => scenario.name === "company-renamed")!.edit;
  const localSynth = (side: string, edit?: (text: string) => string) => {
    const projectDir = join(workDir, "state-moves", side);
    const outdir = join(projectDir, "cdktf.out");
    mkdirSync(projectDir, { recursive: true });
    synthesizeLocalTrial(SHIPPED_REGIONS, { outdir, projectDir }, edit);
    return outdir;
  };
  const localSynths = Promise.resolve().then(() => [localSynth("base"), localSynth("head", renamed)] as const);
  // The import check: us-east-1 dev adopted with every id (test/fixtures/lifecycle-edits.ts).
  const adopted = synthesizeEdited(SHIPPED_REGIONS, join(workDir, "adopted"), (text) => adoptUse1Dev(text, FULL_ADOPTION), limit, children);
  for (const pending of [heads, schemas, localSynths, adopted]) pending.catch(() => undefined);

  const verdicts = await verifyStacks(runner, stacks, { workDir: join(workDir, "stacks"), awsVersion: setup.awsVersion });
  const width = Math.max(...verdicts.map((v) => v.stack.length));
  for (const verdict of verdicts) log(verdictLine(verdict, width));
  log(totalLine(verdicts));
  // The self-check breaks a VPC: any planned stack that has one.
  const planned = verdicts.find((v) => v.status === "planned" && withBrokenVpcCidr(v.config) !== undefined);
  if (verdicts.some((v) => v.status === "failed") || !planned || planned.status !== "planned") {
    await Promise.allSettled([heads, schemas, localSynths, adopted]);
    return false;
  }

  const [check, lane, imports, comparison, localState] = await Promise.all([
    selfCheck(runner, planned.stack, planned.config, workDir),
    laneCheck(runner, planned.stack, planned.config, planned.plan, workDir),
    adopted.then((dir) => checkAdoptedImports(runner, dir, workDir, setup.awsVersion)).catch((error: unknown) => ({ ok: false, line: `imports FAILED: ${(error as Error).message}` })),
    (async () =>
      runComparisons({
        runner, schemas: (await schemas) as ProviderSchemas, baseSynth, baseVerdicts: verdicts, heads: await heads, workDir, awsVersion: setup.awsVersion,
      }))().catch((error: unknown) => {
      if (error instanceof TierFailure) return { ok: false, text: `FAILED: ${error.message}` } as ComparisonResult;
      throw error;
    }),
    checkLocalTrial(context, join(workDir, "local-trial"), (layout) => synthesizeLocalTrial(SHIPPED_REGIONS, layout)),
  ]);
  log(check.line);
  log(lane.line);
  log(imports.line);
  log(comparison.text);
  log(localState.line);
  const { baseState } = comparison;
  const moves = baseState
    ? await localSynths.then(([baseLocal, headLocal]) =>
        checkStateMoves({ runner, baseSynth: baseLocal, headSynth: headLocal, workDir, awsVersion: setup.awsVersion, baseState, terraformVersion: setup.terraformVersion }),
      ).catch((error: unknown) => ({ ok: false, line: `state moves FAILED: ${(error as Error).message}` }))
    : { ok: false, line: "state moves: not checked (the comparison failed)" };
  log(moves.line);
  if (options.saveFixtures && comparison.ok) {
    log(await saveFixtures({ runner, schemas: (await schemas) as ProviderSchemas, baseStacks: stacks, heads: await heads, workDir, awsVersion: setup.awsVersion }));
  }
  return check.ok && lane.ok && imports.ok && comparison.ok && localState.ok && moves.ok;
}

/** The import check (import-check.ts) on the one stack of the adopted synth that has import blocks. */
async function checkAdoptedImports(runner: PlanRunner, synthDir: string, workDir: string, awsVersion: string) {
  const adopting = [...readSynthStacks(synthDir)].filter(([, json]) => Array.isArray(json.import) && json.import.length > 0);
  if (adopting.length !== 1) return { ok: false, line: `imports FAILED: expected one stack with import blocks in the adopted synth, found ${adopting.map(([name]) => name).join(", ") || "none"}` };
  const [[stack, json]] = adopting;
  return checkImports(runner, stack, json, { workDir, awsVersion });
}

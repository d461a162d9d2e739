/**
 * npm run bench [-- --sizes=3,25,100 --runs=N --no-extras --no-review --no-plans --profile --keep]
 *
 * Synth speed and memory as regions grow and with every supported region onboarded, against the
 * framework's floor (floor-app.ts); `npm run synth` against the app command it stands for; review of
 * two fleet-size synths; what a pull request's terraform plans cost; the project's type-check and test
 * times. Prints markdown tables and the targets with their verdicts, writes test/bench/results.json.
 * docs/performance.md says what the figures mean.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine } from "../../cli/kit/args";
import { isEntryPoint } from "../../cli/kit/entry";
import { regionCode } from "../../domain/naming";
import { Bench, LAUNCHER, log, root, type SizeResult, type Timed } from "./bench";
import { memorySource, RunFailed, type Command } from "./measure";
import { measurePlanCost } from "./plan-cost";
import { benchRegionNames, templateRegion, writeBenchRegionsFile } from "./regions-file";
import { growthOf, resultsMarkdown, seconds, targets, type Results } from "./report";
import { reviewCases } from "./review-runs";
import { writeSupportedRegionsFile } from "./supported-regions";
import { synthCommandResult, type SynthCommandResult } from "./targets";

const SHIPPED = "regions.yaml";
/**
 * Measured runs after one warm-up. The two sizes with a target get more: on a shared 2-core machine
 * the ratio of one back-to-back pair ranged 0.95–1.37 for the same code, so a median of 2 or 5 pairs
 * moved by more than the margin it is judged on.
 */
const DEFAULT_RUNS: Readonly<Record<number, number>> = { 3: 3, 25: 3, 100: 4 };
const SUPPORTED_RUNS = 9;
/** Runs of `npm run synth` and the app command each: their ratio is a target close to 1, so more runs. */
const SYNTH_COMMAND_RUNS = 5;
const USAGE = "usage: npm run bench [-- --sizes=3,25,100 --runs=N --no-extras --no-review --no-plans --profile --keep]";
const HELP = `${USAGE}

  --sizes=3,25,100  region counts of the generated regions files (each region has dev and prod)
  --runs=N          measured runs per size, after one warm-up (default: 3, 3 and 4; 9 for every
                    supported region, 3 for the shipped file)
  --no-extras       skip the type-check, npm test and the shipped file's review timings
  --no-review       skip the review of two synths of the largest size
  --no-plans        skip the terraform plan-cost rows
  --profile         CPU profiles of a synth of the largest size, ours and the floor's
  --keep            keep the scratch folder and print its path

Prints the tables and the targets with their verdicts, writes test/bench/results.json;
docs/performance.md says what the figures mean. A full run takes 6-9 minutes on 2 cores.
`;

export interface Options {
  /** Print HELP and measure nothing. */
  readonly help: boolean;
  readonly sizes: readonly number[];
  readonly runs?: number;
  /** Type-check, npm test and the shipped file's review timings (off with --no-extras). */
  readonly extras: boolean;
  /** Review of two synths of the largest size (off with --no-review). */
  readonly review: boolean;
  /** The terraform plan-cost rows (off with --no-plans; skipped, saying so, where terraform is missing). */
  readonly plans: boolean;
  /** CPU profiles of our synth and the floor's at the largest size. */
  readonly profile: boolean;
  /** Keep the scratch folder (regions files, outputs, profiles). */
  readonly keep: boolean;
}

const OPTIONS = {
  sizes: { type: "string", default: "3,25,100" },
  runs: { type: "string" },
  "no-extras": { type: "boolean" },
  "no-review": { type: "boolean" },
  "no-plans": { type: "boolean" },
  profile: { type: "boolean" },
  keep: { type: "boolean" },
  help: { type: "boolean" },
} as const;

export function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"; ${USAGE}`);
  const sizes = values.sizes.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected region counts such as 3,25,100; ${USAGE}`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs: expected a whole number of measured runs; ${USAGE}`);
  return {
    help: values.help === true,
    sizes,
    runs,
    extras: values["no-extras"] !== true,
    review: values["no-review"] !== true,
    plans: values["no-plans"] !== true,
    profile: values.profile === true,
    keep: values.keep === true,
  };
}

/** `cdktf.json`'s app command, e.g. `node cli/launch.mjs main.ts`, split for spawning. */
function appCommand(): Command {
  const app = (JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")) as { app: string }).app;
  const [file, ...args] = app.split(/\s+/);
  return { file, args, cwd: root };
}

/**
 * The shipped file through cdktf.json's app command, through `npm run synth` and through cdktf-cli's
 * `cdktf synth` (what `npm run synth` was), interleaved; two of the app command's outputs are kept
 * for the shipped review.
 */
function synthCommand(bench: Bench, runs: number, reviewDirs: string[]): SynthCommandResult {
  const app = appCommand();
  const interleaved = bench.compare(
    "shipped file: app command vs npm run synth",
    [
      { name: "app", command: (outdir) => ({ ...app, env: { CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" } }) },
      // `cdktf synth` and our script both take the output folder from $CDKTF_OUTPUT (cdktf's `--output`).
      { name: "npm run synth", command: (outdir) => ({ file: "npm", args: ["run", "synth"], cwd: root, env: { CDKTF_OUTPUT: outdir } }) },
      // What `npm run synth` ran until issue 17 (`CHECKPOINT_DISABLE=1 cdktf synth`): the before figure.
      { name: "cdktf synth", command: (outdir) => ({ file: "npx", args: ["cdktf", "synth", "--output", outdir], cwd: root, env: { CHECKPOINT_DISABLE: "1" } }) },
    ],
    runs,
    (c, i, outdir) => c === 0 && i <= 2 && reviewDirs.push(outdir) > 0,
  );
  return synthCommandResult(interleaved);
}

/** vitest's "Test Files … / Tests …" lines, or why there are none. */
function testSummary(run: Timed): string {
  const lines = run.output
    .split("\n")
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trim())
    .filter((line) => /^(Test Files|Tests)\s/.test(line))
    .map((line) => line.replace(/\s+/g, " "));
  const outcome = run.status === 0 ? "passed" : run.status === -1 ? "killed at its timeout" : `failed (exit ${run.status})`;
  return lines.length ? `${outcome}: ${lines.join("; ")}` : `${outcome}, no vitest summary (did the type-check step fail?)`;
}

function extras(bench: Bench, reviewDirs: readonly string[]): Pick<Results, "review" | "reviewNote" | "typecheck" | "tests"> {
  const review = existsSync(join(root, "cli/review/cli.ts"))
    ? bench.timed("review", { file: process.execPath, args: [LAUNCHER, "cli/review/cli.ts", ...reviewDirs], cwd: root }, 3, 1, [0, 2])
    : undefined;
  rmSync(join(root, "node_modules/.cache/tsbuildinfo"), { force: true });
  const typecheck = bench.timed("type-check (cold)", { file: "npx", args: ["tsc", "--noEmit", "-p", "."], cwd: root }, 1, 0, [0, 1, 2]);
  // On a machine others share, the suite can take several times its usual half minute.
  const testRun = bench.timed("npm test", { file: "npm", args: ["test"], cwd: root, timeoutMs: 1_200_000 }, 1, 0, [0, 1]);
  return {
    review,
    reviewNote: review ? undefined : "cli/review/cli.ts is absent: review not timed",
    typecheck: { ...typecheck, output: "" },
    tests: { ...testRun, output: "", summary: testSummary(testRun) },
  };
}

function main(): void {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    log(`bench: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const memory = memorySource();
  const scratch = mkdtempSync(join(tmpdir(), "bench-"));
  const shippedText = readFileSync(join(root, SHIPPED), "utf8");
  const bench = new Bench(scratch, memory, templateRegion(shippedText));
  const started = Date.now();
  const loadBefore = loadavg()[0];
  log(`bench: scratch ${scratch}, memory from ${memory}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(2)}`);
  try {
    const sizes: SizeResult[] = options.sizes.map((count) => {
      const file = writeBenchRegionsFile(join(root, SHIPPED), join(scratch, `regions-${count}`), count, shippedText);
      return bench.size(`${count} regions`, "generated", count, file, benchRegionNames(count), options.runs ?? DEFAULT_RUNS[count] ?? 2);
    });
    const supported = writeSupportedRegionsFile(join(root, SHIPPED), join(scratch, "regions-supported"), shippedText);
    for (const { region, reason } of supported.skipped) log(`every supported region: ${region} left out: ${reason}`);
    sizes.push(bench.size("every supported region", "supported", supported.regions, supported.file, [], options.runs ?? SUPPORTED_RUNS));
    const shippedRegions = (shippedText.match(/^\s*-\s*region:/gm) ?? []).length;
    sizes.push(bench.size(`shipped ${SHIPPED}`, "shipped", shippedRegions, join(root, SHIPPED), [], options.runs ?? 3));

    const reviewDirs: string[] = [];
    const synth = synthCommand(bench, Math.max(options.runs ?? 0, SYNTH_COMMAND_RUNS), reviewDirs);
    const more = options.extras ? extras(bench, reviewDirs) : {};
    const largestCount = Math.max(...options.sizes);
    const largest = `${largestCount} regions`;
    const reviewAtScale = options.review
      ? {
          label: largest,
          cases: reviewCases({
            bench,
            label: largest,
            regionsFile: join(scratch, `regions-${largestCount}`, `regions-${largestCount}.yaml`),
            ours: bench.ourSynth(join(scratch, `regions-${largestCount}`, `regions-${largestCount}.yaml`), benchRegionNames(largestCount)),
            regionCode,
          }),
        }
      : undefined;
    const planCost = options.plans
      ? measurePlanCost({
          bench,
          workDir: join(scratch, "plan-cost"),
          synthDir: reviewDirs[0],
          runs: options.runs,
          changes: (reviewAtScale?.cases ?? [])
            .filter((c) => c.name !== "identical")
            .map((c) => ({ change: `${c.name} at ${largest} (${c.edit})`, stacks: c.changedStacks.length })),
        })
      : undefined;
    if (planCost && "skipped" in planCost) log(planCost.skipped);
    if (options.profile) log(`profile: ${largest}, ours and the floor, with --cpu-prof`);
    const profiles = options.profile ? { label: largest, ...bench.profile(largest) } : undefined;

    const loadAfter = loadavg()[0];
    const loads = bench.loadRange();
    const busy = Math.max(loadBefore, loadAfter, loads?.max ?? 0) > cpus().length
      ? " **The machine was busy with other work: wall times include waiting for a CPU; CPU times and the ratios of runs made back to back are the steadier figures.**"
      : "";
    const during = loads ? ` (${loads.min.toFixed(1)}–${loads.max.toFixed(1)} at the start of the runs, median ${loads.median.toFixed(1)})` : "";
    const header = `Node ${process.version}, ${cpus().length} CPUs, memory from ${memory}; load average ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end${during}; ${seconds(Date.now() - started)} in all.${busy}`;
    const results: Results = {
      header,
      sizes,
      synthCommand: synth,
      ...more,
      ...(reviewAtScale && { reviewAtScale }),
      ...(planCost && { planCost }),
      ...(profiles && { profiles: { ...profiles, files: options.keep ? profiles.files : undefined } }),
    };
    process.stdout.write(`${resultsMarkdown(results)}\n`);
    const raw = { date: new Date(started).toISOString(), node: process.version, cpus: cpus().length, memorySource: memory, ...results, growth: growthOf(sizes), targets: targets(results) };
    writeFileSync(join(root, "test/bench/results.json"), `${JSON.stringify(raw, null, 2)}\n`);
    log("bench: raw numbers in test/bench/results.json");
  } catch (error) {
    log(error instanceof RunFailed ? `bench: a run failed: ${error.message}` : String(error instanceof Error ? error.stack : error));
    process.exitCode = 1;
  } finally {
    if (options.keep) log(`bench: kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta.url)) main();

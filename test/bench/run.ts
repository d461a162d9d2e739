/**
 * npm run bench [-- --sizes=3,25,100 --runs=N --no-extras --profile --keep]
 *
 * Synth speed and memory as regions grow, against the framework's floor (floor-app.ts), plus the
 * project's type-check, test and review times. Prints a markdown table, writes test/bench/results.json.
 * docs/performance.md says what the figures mean.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine } from "../../cli/kit/args";
import { Bench, describe, log, root, type SizeResult, type Timed } from "./bench";
import { memorySource, RunFailed, type Command, type Sample } from "./measure";
import { benchRegionNames, templateRegion, writeBenchRegionsFile } from "./regions-file";
import { growthOf, resultsMarkdown, seconds, targets, type Results } from "./report";
import { spread } from "./stats";

const SHIPPED = "regions.yaml";
/** Measured runs after one warm-up: fewer for the largest size, whose runs take longest. */
const DEFAULT_RUNS: Readonly<Record<number, number>> = { 3: 3, 25: 3, 100: 2 };
const USAGE = "usage: npm run bench [-- --sizes=3,25,100 --runs=N --no-extras --profile --keep]";

interface Options {
  readonly sizes: readonly number[];
  readonly runs?: number;
  /** Type-check, npm test and review timings (off with --no-extras). */
  readonly extras: boolean;
  /** CPU profiles of our synth and the floor's at the largest size. */
  readonly profile: boolean;
  /** Keep the scratch folder (regions files, outputs, profiles). */
  readonly keep: boolean;
}

const OPTIONS = {
  sizes: { type: "string", default: "3,25,100" },
  runs: { type: "string" },
  "no-extras": { type: "boolean" },
  profile: { type: "boolean" },
  keep: { type: "boolean" },
} as const;

function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"; ${USAGE}`);
  const sizes = values.sizes.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected region counts such as 3,25,100; ${USAGE}`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs: expected a whole number of measured runs; ${USAGE}`);
  return { sizes, runs, extras: values["no-extras"] !== true, profile: values.profile === true, keep: values.keep === true };
}

/** `cdktf.json`'s app command, e.g. `npx tsx main.ts`, split for spawning. */
function appCommand(): Command {
  const app = (JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8")) as { app: string }).app;
  const [file, ...args] = app.split(/\s+/);
  return { file, args, cwd: root };
}

/** The shipped file through the app command, 1 warm-up + 3 runs, into two folders that review then compares. */
function appSynth(bench: Bench, reviewDirs: readonly string[]): Timed {
  const app = appCommand();
  const samples: Sample[] = [];
  for (let i = 0; i < 4; i++) {
    log(`shipped via ${describe(app)}: ${i === 0 ? "warm-up" : `run ${i}/3`}`);
    const sample = bench.run({ ...app, env: { CDKTF_OUTDIR: reviewDirs[i % 2], CHECKPOINT_DISABLE: "1" } });
    if (i > 0) samples.push(sample);
  }
  return { command: describe(app), samples, wallMs: spread(samples.map((s) => s.wallMs)), status: 0, output: "" };
}

/** vitest's "Test Files … / Tests …" lines, or why there are none. */
function testSummary(run: Timed): string {
  const lines = run.output
    .split("\n")
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trim())
    .filter((line) => /^(Test Files|Tests)\s/.test(line))
    .map((line) => line.replace(/\s+/g, " "));
  const outcome = run.status === 0 ? "passed" : `failed (exit ${run.status})`;
  return lines.length ? `${outcome}: ${lines.join("; ")}` : `${outcome}, no vitest summary (did the type-check step fail?)`;
}

function extras(bench: Bench, reviewDirs: readonly string[]): Pick<Results, "review" | "reviewNote" | "typecheck" | "tests"> {
  const review = existsSync(join(root, "cli/review/cli.ts"))
    ? bench.timed("review", { file: process.execPath, args: ["--import", "tsx", "cli/review/cli.ts", ...reviewDirs], cwd: root }, 3, 1, [0, 2])
    : undefined;
  rmSync(join(root, "node_modules/.cache/tsbuildinfo"), { force: true });
  const typecheck = bench.timed("type-check (cold)", { file: "npx", args: ["tsc", "--noEmit", "-p", "."], cwd: root }, 1, 0, [0, 1, 2]);
  const testRun = bench.timed("npm test", { file: "npm", args: ["test"], cwd: root }, 1, 0, [0, 1]);
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
      return bench.size(`${count} regions`, count, file, benchRegionNames(count), options.runs ?? DEFAULT_RUNS[count] ?? 2);
    });
    const shippedRegions = (shippedText.match(/^\s*-\s*region:/gm) ?? []).length;
    sizes.push(bench.size(`shipped ${SHIPPED}`, shippedRegions, join(root, SHIPPED), [], options.runs ?? 3));

    const reviewDirs = [bench.outdir("review-a"), bench.outdir("review-b")];
    const app = appSynth(bench, reviewDirs);
    const more = options.extras ? extras(bench, reviewDirs) : {};
    const largest = `${Math.max(...options.sizes)} regions`;
    if (options.profile) log(`profile: ${largest}, ours and the floor, with --cpu-prof`);
    const profiles = options.profile ? { label: largest, ...bench.profile(largest) } : undefined;

    const loadAfter = loadavg()[0];
    const busy = Math.max(loadBefore, loadAfter) > cpus().length
      ? " **The machine was busy with other work: wall times include waiting for a CPU; CPU times and ratios are the steadier figures.**"
      : "";
    const header = `Node ${process.version}, ${cpus().length} CPUs, memory from ${memory}; load average ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end; ${seconds(Date.now() - started)} in all.${busy}`;
    const results: Results = {
      header,
      sizes,
      appSynth: app,
      ...more,
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

main();

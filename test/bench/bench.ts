/**
 * The measuring half of the benchmark: runs our synth and the floor's for one regions file, times
 * other commands, takes CPU profiles. Every run is a child process (measure.ts) writing into the
 * scratch folder; report.ts turns the results into tables.
 */
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH_EXTRA_REGIONS, BENCH_REGION_TEMPLATE } from "./bench-regions";
import { countSynth, floorPlanFrom, type SynthCounts } from "./floor-plan";
import { measure, RunFailed, succeeded, type Command, type MemorySource, type Outcome, type Sample } from "./measure";
import { summarizeProfile, type ProfileSummary } from "./profile";
import { pairedRatio, spread, type Spread } from "./stats";

export const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** How cdktf.json's app command and the npm scripts run an entry (cli/launch.mjs), relative to `root`. */
export const LAUNCHER = "cli/launch.mjs";

export interface Variant {
  readonly samples: readonly Sample[];
  readonly wallMs: Spread;
  readonly cpuMs: Spread;
  readonly peakRssMb: Spread;
  readonly counts: SynthCounts;
}

/** What a regions file is: generated made-up regions (growth), the shipped file, or every real region onboarded. */
export type SizeKind = "generated" | "shipped" | "supported";

export interface SizeResult {
  readonly label: string;
  readonly kind: SizeKind;
  readonly regions: number;
  readonly ours: Variant;
  readonly floor: Variant;
  /** Medians of the paired ratios ours/floor (each pair ran back to back); `cpuRange` their range. */
  readonly ratio: { readonly wall: number; readonly cpu: number; readonly memory: number; readonly cpuRange: Spread };
}

/** Two or more commands run in alternation, so a change in machine load hits each alike. */
export interface Interleaved {
  readonly label: string;
  readonly variants: readonly { readonly name: string; readonly command: string; readonly samples: readonly Sample[] }[];
}

export interface Timed {
  readonly command: string;
  readonly samples: readonly Sample[];
  readonly wallMs: Spread;
  readonly status: number;
  /** The last run's stdout and stderr. */
  readonly output: string;
  /** The last run's stdout alone. */
  readonly stdout: string;
}

export type SynthCommand = (outdir: string) => Command;
/** Keep the output folder of round `round` (from 1) of command `index`? */
type Keep = (index: number, round: number, outdir: string) => boolean;

export const log = (line: string) => process.stderr.write(`${line}\n`);
const slug = (label: string) => label.replace(/[^a-z0-9]+/gi, "-");

export class Bench {
  private outdirs = 0;
  /** Per size label: how to run our synth and the floor's (the floor's plan is written by then). */
  private readonly commands = new Map<string, { ours: SynthCommand; floor: SynthCommand }>();
  private readonly outputs = new Map<string, string>();
  private readonly loads: number[] = [];

  constructor(
    private readonly scratch: string,
    private readonly memory: MemorySource,
    /** The real region every made-up one copies (the shipped file's first). */
    private readonly template: string,
  ) {}

  outdir(label: string): string {
    return join(this.scratch, `out-${slug(label)}-${++this.outdirs}`);
  }

  run(command: Command): Sample {
    return succeeded(command, this.attempt(command));
  }

  attempt(command: Command): Outcome {
    const outcome = measure(command, this.memory, this.scratch);
    this.loads.push(outcome.sample.load);
    return outcome;
  }

  /** The machine's load average at the start of every run so far. */
  loadRange(): Spread | undefined {
    return this.loads.length ? spread(this.loads) : undefined;
  }

  /** `node cli/launch.mjs <entry>`: how cdktf.json's app command runs main.ts, and the bench our app entry and the floor alike. */
  launchEntry(entry: string, env: Record<string, string>): Command {
    return { file: process.execPath, args: [LAUNCHER, entry], cwd: root, env };
  }

  /** Our app entry on `regionsFile`, the made-up `extraRegions` allowed (synth-entry.ts). */
  ourSynth(regionsFile: string, extraRegions: readonly string[]): SynthCommand {
    const env = { REGIONS_FILE: regionsFile, [BENCH_EXTRA_REGIONS]: extraRegions.join(","), [BENCH_REGION_TEMPLATE]: this.template };
    return (outdir: string) => this.launchEntry("test/bench/synth-entry.ts", { ...env, CDKTF_OUTDIR: outdir });
  }

  /**
   * One regions file: a warm-up synth of ours (its output tells the floor what to emit), a warm-up
   * of the floor (checked to emit exactly the same stacks and per-type counts), then measured runs
   * alternating ours and floor so that a change in machine load hits both alike.
   */
  size(label: string, kind: SizeKind, regions: number, regionsFile: string, extraRegions: readonly string[], runs: number): SizeResult {
    const ours = this.ourSynth(regionsFile, extraRegions);
    const planFile = join(this.scratch, `floor-plan-${slug(label)}.json`);
    const floor = (outdir: string) => this.launchEntry("test/bench/floor-app.ts", { BENCH_FLOOR_PLAN: planFile, CDKTF_OUTDIR: outdir });
    this.commands.set(label, { ours, floor });

    log(`${label}: warm-up`);
    const ourWarm = this.outdir(`${label}-ours`);
    this.run(ours(ourWarm));
    const ourCounts = countSynth(ourWarm);
    writeFileSync(planFile, JSON.stringify(floorPlanFrom(ourWarm)));
    const floorWarm = this.outdir(`${label}-floor`);
    this.run(floor(floorWarm));
    const floorCounts = countSynth(floorWarm);
    assertSameShape(label, ourCounts, floorCounts);
    // Our warm-up output stays (until the scratch folder goes): review compares it with edited synths.
    this.outputs.set(label, ourWarm);
    rmSync(floorWarm, { recursive: true, force: true });

    const [ourSamples, floorSamples] = this.interleave(label, [ours, floor], runs);
    const oursVariant = variant(ourSamples, ourCounts);
    const floorVariant = variant(floorSamples, floorCounts);
    const paired = (pick: (s: Sample) => number) => pairedRatio(ourSamples.map(pick), floorSamples.map(pick));
    const cpu = paired((s) => s.cpuMs);
    return {
      label,
      kind,
      regions,
      ours: oursVariant,
      floor: floorVariant,
      ratio: { wall: paired((s) => s.wallMs).median, cpu: cpu.median, memory: paired((s) => s.peakRssMb).median, cpuRange: cpu },
    };
  }

  /** Our synth's output of `label`'s warm-up run, kept for review. */
  output(label: string): string {
    const dir = this.outputs.get(label);
    if (!dir) throw new Error(`no output of "${label}" was kept`);
    return dir;
  }

  /**
   * `runs` rounds of every command in turn, each into a fresh output folder removed after the run
   * unless `keep` (command index, round from 1, folder) returns true; samples per command.
   */
  interleave(label: string, commands: readonly SynthCommand[], runs: number, keep: Keep = () => false): Sample[][] {
    const samples: Sample[][] = commands.map(() => []);
    for (let i = 1; i <= runs; i++) {
      log(`${label}: run ${i}/${runs}`);
      commands.forEach((command, c) => {
        const outdir = this.outdir(label);
        samples[c].push(this.run(command(outdir)));
        if (!keep(c, i, outdir)) rmSync(outdir, { recursive: true, force: true });
      });
    }
    return samples;
  }

  /** Commands that each write a synth, one warm-up each, then `runs` interleaved rounds. */
  compare(label: string, named: readonly { readonly name: string; readonly command: SynthCommand }[], runs: number, keep?: Keep): Interleaved {
    log(`${label}: warm-up`);
    for (const { command } of named) {
      const outdir = this.outdir(label);
      this.run(command(outdir));
      rmSync(outdir, { recursive: true, force: true });
    }
    const samples = this.interleave(label, named.map((n) => n.command), runs, keep);
    return { label, variants: named.map((n, c) => ({ name: n.name, command: describe(n.command("<outdir>")), samples: samples[c] })) };
  }

  /**
   * A command timed `runs` times after `warmUps` untimed runs; an exit outside `okStatuses` stops it,
   * recorded, and so does a run killed at its timeout (status -1): one slow extra must not cost the
   * whole report.
   */
  timed(label: string, command: Command, runs: number, warmUps: number, okStatuses: readonly number[] = [0]): Timed {
    const samples: Sample[] = [];
    let last: Outcome | undefined;
    for (let i = 0; i < warmUps + runs; i++) {
      log(`${label}: ${i < warmUps ? "warm-up" : `run ${i - warmUps + 1}/${runs}`}`);
      try {
        last = this.attempt(command);
      } catch (error) {
        if (!(error instanceof RunFailed)) throw error;
        log(`${label}: ${error.message.split("\n")[0]}`);
        last = { sample: { wallMs: Number.NaN, cpuMs: Number.NaN, peakRssMb: Number.NaN, load: Number.NaN }, status: -1, stdout: "", stderr: error.message };
        break;
      }
      if (!okStatuses.includes(last.status)) {
        log(`${label}: exit ${last.status}\n${(last.stderr + last.stdout).trimEnd().split("\n").slice(-15).join("\n")}`);
        break;
      }
      if (i >= warmUps) samples.push(last.sample);
    }
    return {
      command: describe(command),
      samples,
      wallMs: spread(samples.length ? samples.map((s) => s.wallMs) : [Number.NaN]),
      status: last?.status ?? 0,
      output: last ? `${last.stdout}\n${last.stderr}` : "",
      stdout: last?.stdout ?? "",
    };
  }

  /** One run each of our synth and the floor's for `label` under `--cpu-prof`, summarized. */
  profile(label: string): { ours: ProfileSummary; floor: ProfileSummary; files: string[] } {
    const commands = this.commands.get(label);
    if (!commands) throw new Error(`no size "${label}" was measured`);
    const [ours, floor] = (["ours", "floor"] as const).map((which) => {
      const dir = join(this.scratch, `cpu-profile-${which}`);
      const command = commands[which](this.outdir(`profile-${which}`));
      // Under tsx, not the launcher: the profile names each function's source file, not the bundle's lines.
      const entry = command.args.slice(command.args.indexOf(LAUNCHER) + 1);
      this.run({ ...command, args: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "tsx", ...entry] });
      // The main thread's profile is the big one; tsx's loader thread writes a small second one.
      const [file] = readdirSync(dir)
        .map((entry) => join(dir, entry))
        .sort((a, b) => statSync(b).size - statSync(a).size);
      return { file, summary: summarizeProfile(file, root) };
    });
    return { ours: ours.summary, floor: floor.summary, files: [ours.file, floor.file] };
  }
}

function variant(samples: readonly Sample[], counts: SynthCounts): Variant {
  return {
    samples,
    wallMs: spread(samples.map((s) => s.wallMs)),
    cpuMs: spread(samples.map((s) => s.cpuMs)),
    peakRssMb: spread(samples.map((s) => s.peakRssMb)),
    counts,
  };
}

function assertSameShape(label: string, ours: SynthCounts, floor: SynthCounts): void {
  const keys = new Set([...Object.keys(ours.perStackType), ...Object.keys(floor.perStackType)]);
  const differ = [...keys].filter((key) => ours.perStackType[key] !== floor.perStackType[key]);
  if (ours.stacks !== floor.stacks || differ.length) {
    const examples = differ.slice(0, 5).map((key) => `${key}: ${ours.perStackType[key] ?? 0} vs ${floor.perStackType[key] ?? 0}`);
    throw new Error(`${label}: the floor does not emit what we emit (stacks ${ours.stacks} vs ${floor.stacks}; ${examples.join(", ")})`);
  }
}

export function describe(command: Command): string {
  return [command.file === process.execPath ? "node" : command.file, ...command.args].join(" ");
}

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
import { measure, succeeded, type Command, type MemorySource, type Outcome, type Sample } from "./measure";
import { summarizeProfile, type ProfileSummary } from "./profile";
import { spread, type Spread } from "./stats";

export const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

export interface Variant {
  readonly samples: readonly Sample[];
  readonly wallMs: Spread;
  readonly cpuMs: Spread;
  readonly peakRssMb: Spread;
  readonly counts: SynthCounts;
}

export interface SizeResult {
  readonly label: string;
  readonly regions: number;
  readonly ours: Variant;
  readonly floor: Variant;
  readonly ratio: { readonly wall: number; readonly cpu: number; readonly memory: number };
}

export interface Timed {
  readonly command: string;
  readonly samples: readonly Sample[];
  readonly wallMs: Spread;
  readonly status: number;
  /** The last run's stdout and stderr. */
  readonly output: string;
}

type SynthCommand = (outdir: string) => Command;

export const log = (line: string) => process.stderr.write(`${line}\n`);
const slug = (label: string) => label.replace(/[^a-z0-9]+/gi, "-");

export class Bench {
  private outdirs = 0;
  /** Per size label: how to run our synth and the floor's (the floor's plan is written by then). */
  private readonly commands = new Map<string, { ours: SynthCommand; floor: SynthCommand }>();

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
    return measure(command, this.memory, this.scratch);
  }

  /** `node --import tsx <entry>`: how the bench runs our app entry and the floor alike. */
  private tsxEntry(entry: string, env: Record<string, string>): Command {
    return { file: process.execPath, args: ["--import", "tsx", entry], cwd: root, env };
  }

  /**
   * One regions file: a warm-up synth of ours (its output tells the floor what to emit), a warm-up
   * of the floor (checked to emit exactly the same stacks and per-type counts), then measured runs
   * alternating ours and floor so that a change in machine load hits both alike.
   */
  size(label: string, regions: number, regionsFile: string, extraRegions: readonly string[], runs: number): SizeResult {
    const env = { REGIONS_FILE: regionsFile, [BENCH_EXTRA_REGIONS]: extraRegions.join(","), [BENCH_REGION_TEMPLATE]: this.template };
    const ours = (outdir: string) => this.tsxEntry("test/bench/synth-entry.ts", { ...env, CDKTF_OUTDIR: outdir });
    const planFile = join(this.scratch, `floor-plan-${slug(label)}.json`);
    const floor = (outdir: string) => this.tsxEntry("test/bench/floor-app.ts", { BENCH_FLOOR_PLAN: planFile, CDKTF_OUTDIR: outdir });
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
    rmSync(ourWarm, { recursive: true, force: true });
    rmSync(floorWarm, { recursive: true, force: true });

    const ourSamples: Sample[] = [];
    const floorSamples: Sample[] = [];
    for (let i = 1; i <= runs; i++) {
      log(`${label}: run ${i}/${runs}`);
      for (const [samples, command] of [[ourSamples, ours], [floorSamples, floor]] as const) {
        const outdir = this.outdir(label);
        samples.push(this.run(command(outdir)));
        rmSync(outdir, { recursive: true, force: true });
      }
    }
    const oursVariant = variant(ourSamples, ourCounts);
    const floorVariant = variant(floorSamples, floorCounts);
    return {
      label,
      regions,
      ours: oursVariant,
      floor: floorVariant,
      ratio: {
        wall: oursVariant.wallMs.median / floorVariant.wallMs.median,
        cpu: oursVariant.cpuMs.median / floorVariant.cpuMs.median,
        memory: oursVariant.peakRssMb.median / floorVariant.peakRssMb.median,
      },
    };
  }

  /** A command timed `runs` times after `warmUps` untimed runs; an exit outside `okStatuses` stops it, recorded. */
  timed(label: string, command: Command, runs: number, warmUps: number, okStatuses: readonly number[] = [0]): Timed {
    const samples: Sample[] = [];
    let last: Outcome | undefined;
    for (let i = 0; i < warmUps + runs; i++) {
      log(`${label}: ${i < warmUps ? "warm-up" : `run ${i - warmUps + 1}/${runs}`}`);
      last = this.attempt(command);
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
    };
  }

  /** One run each of our synth and the floor's for `label` under `--cpu-prof`, summarized. */
  profile(label: string): { ours: ProfileSummary; floor: ProfileSummary; files: string[] } {
    const commands = this.commands.get(label);
    if (!commands) throw new Error(`no size "${label}" was measured`);
    const [ours, floor] = (["ours", "floor"] as const).map((which) => {
      const dir = join(this.scratch, `cpu-profile-${which}`);
      const command = commands[which](this.outdir(`profile-${which}`));
      this.run({ ...command, args: ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...command.args] });
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

/**
 * One timed child process: wall time from this process's clock, peak resident memory and CPU time
 * from GNU time when the machine has it, else from a preloaded probe (rss-probe.mjs) that reports
 * Node's own `process.resourceUsage()`. Either way the peak is that of the largest process of the
 * run (as wait4 reports it), not a sum.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Sample {
  readonly wallMs: number;
  /** user + system time of the run and its children (the app a CLI starts, terraform's provider). */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** The machine's 1-minute load average when the run started: above the CPU count, runs waited for a CPU. */
  readonly load: number;
}

export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Run with `env` alone, nothing of this process's environment (terraform: no real credentials). */
  readonly cleanEnv?: boolean;
  /** A run that takes longer is killed and the benchmark stops. */
  readonly timeoutMs?: number;
}

export type MemorySource = "gnu-time" | "node-probe";

const GNU_TIME = "/usr/bin/time";

/** GNU time if it is there and speaks `-f` (busybox's does not), else the Node probe. */
export function memorySource(): MemorySource {
  if (!existsSync(GNU_TIME)) return "node-probe";
  const check = spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" });
  return check.status === 0 && /^\d+\s*$/m.test(check.stderr) ? "gnu-time" : "node-probe";
}

export class RunFailed extends Error {}

export interface Outcome {
  readonly sample: Sample;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` once; a non-zero exit is returned, not thrown (a killed or unstartable run throws). */
export function measure(command: Command, source: MemorySource, scratch: string): Outcome {
  const report = join(scratch, `usage-${process.pid}-${Date.now()}.txt`);
  const env: Record<string, string> = { ...(command.cleanEnv ? {} : (process.env as Record<string, string>)), ...command.env };
  let file = command.file;
  let args = [...command.args];
  if (source === "gnu-time") {
    args = ["-f", "%e %U %S %M", "-o", report, file, ...args];
    file = GNU_TIME;
  } else {
    const probe = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "rss-probe.mjs")).href;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import=${probe}`.trim();
    env.BENCH_RSS_FILE = report;
  }
  const load = loadavg()[0];
  const started = process.hrtime.bigint();
  const run = spawnSync(file, args, {
    cwd: command.cwd,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: command.timeoutMs ?? 300_000,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = existsSync(report) ? readFileSync(report, "utf8") : "";
  rmSync(report, { force: true });
  const what = [command.file, ...command.args].join(" ");
  if (run.error || run.status === null) {
    throw new RunFailed(`${what}: ${run.error?.message ?? `killed by ${run.signal}`}\n${tail(run.stderr)}`);
  }
  return { sample: { wallMs, load, ...parseUsage(usage, source) }, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The sample of a run that must succeed; otherwise the end of its output, to say why. */
export function succeeded(command: Command, outcome: Outcome): Sample {
  if (outcome.status !== 0) {
    throw new RunFailed(`${[command.file, ...command.args].join(" ")}: exit ${outcome.status}\n${tail(outcome.stderr)}${tail(outcome.stdout)}`);
  }
  return outcome.sample;
}

function parseUsage(text: string, source: MemorySource): { cpuMs: number; peakRssMb: number } {
  const lines = text.trim().split("\n").filter((line) => /^[\d.\s]+$/.test(line));
  if (!lines.length) throw new RunFailed(`no resource usage was reported (${source})`);
  if (source === "gnu-time") {
    const [, user, system, maxRssKb] = lines[lines.length - 1].split(/\s+/).map(Number);
    return { cpuMs: (user + system) * 1000, peakRssMb: maxRssKb / 1024 };
  }
  const perProcess = lines.map((line) => line.split(/\s+/).map(Number));
  return {
    cpuMs: perProcess.reduce((sum, [, cpuUs]) => sum + cpuUs / 1000, 0),
    peakRssMb: Math.max(...perProcess.map(([maxRssKb]) => maxRssKb)) / 1024,
  };
}

function tail(text: string | undefined): string {
  if (!text) return "";
  const lines = text.trimEnd().split("\n");
  return `${lines.slice(-30).join("\n")}\n`;
}

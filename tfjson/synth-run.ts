/**
 * The one way tools synthesize the app in a child process: main.ts, the entry `npm run synth` and
 * `cdktf deploy` run, in a checkout of our choosing, into an output folder of our choosing
 * (CDKTF_OUTDIR). Started as cdktf.json's app command starts it, through the checkout's
 * cli/launch.mjs; a checkout of a ref from before the launcher existed runs main.ts under tsx.
 */
import { execFile, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** A synth of the real app builds many stacks; anything slower than this is stuck. */
const SYNTH_TIMEOUT_MS = 15 * 60 * 1000;

export interface SynthRun {
  /** The checkout whose main.ts runs. */
  readonly cwd: string;
  readonly outDir: string;
  /** What is synthesized, for messages: `base ref "main"`, `the working tree`. */
  readonly what: string;
  /** @default the checkout's own ($REGIONS_FILE from `env`, else regions.yaml) */
  readonly regionsFile?: string;
  /** @default this process's environment */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborting kills the synth. */
  readonly signal?: AbortSignal;
  /** Told the child process once it is started (a caller that must wait for it to exit). */
  readonly spawned?: (child: ChildProcess) => void;
}

/**
 * A synth that failed. `problems` are what the app printed, minus its verdict line: for an invalid
 * regions file the located `file:line:col path: …` lines, for a guardrail the findings, for a crash
 * the error line (never the stack trace).
 */
export class SynthFailure extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}

const VERDICT = /^Nothing was synthesized\.$/;
const STACK_FRAME = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/;

function problemsIn(output: string): string[] {
  const lines = output.split("\n").map((line) => line.trimEnd()).filter((line) => line.trim() !== "");
  // An uncaught error: node prints the source line, a caret, the error and its frames; keep the error.
  if (lines.some((line) => STACK_FRAME.test(line))) {
    const error = lines.find((line) => /^\w*(Error|Exception)\b.*:/.test(line));
    return error ? [error] : lines.filter((line) => !STACK_FRAME.test(line)).slice(0, 1);
  }
  return lines.filter((line) => !VERDICT.test(line));
}

export function runSynth(run: SynthRun): Promise<void> {
  const env = {
    ...(run.env ?? process.env),
    CDKTF_OUTDIR: run.outDir,
    CHECKPOINT_DISABLE: "1",
    ...(run.regionsFile !== undefined ? { REGIONS_FILE: resolve(run.regionsFile) } : {}),
  };
  const launcher = join(run.cwd, "cli", "launch.mjs");
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      process.execPath,
      existsSync(launcher) ? [launcher, "main.ts"] : ["--import", "tsx", "main.ts"],
      { cwd: run.cwd, env, maxBuffer: 16 * 1024 * 1024, timeout: SYNTH_TIMEOUT_MS, signal: run.signal },
      (error, stdout, stderr) => {
        if (error) {
          const exit = typeof error.code === "number" ? `exit ${error.code}` : error.killed ? `killed (${error.signal ?? "timeout"})` : error.message;
          reject(new SynthFailure(`synth of ${run.what} failed (${exit})`, problemsIn(`${stderr}\n${stdout}`)));
        } else if (!existsSync(join(run.outDir, "stacks"))) {
          reject(new SynthFailure(`synth of ${run.what} wrote no stacks/ folder to ${run.outDir}`, []));
        } else {
          resolvePromise();
        }
      },
    );
    run.spawned?.(child);
  });
}

/**
 * The tier's synths: a regions file synthesized the way `npm run synth` does (tfjson/synth-run.ts),
 * through the tier's process limiter, and the stacks read back (tfjson/synth-dir.ts) in name order.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { JsonObject } from "../../tfjson/json";
import { readSynthDir } from "../../tfjson/synth-dir";
import { runSynth, SynthFailure } from "../../tfjson/synth-run";
import type { ChildProcesses } from "./children";
import type { Limiter } from "./pool";

const REPO_ROOT = resolve(import.meta.dirname, "..", "..");

/** Synthesizes `regionsFile` into `outDir`; `children` registers the synth so an interrupted run stops it. */
export function synthesize(regionsFile: string, outDir: string, limit: Limiter, children: ChildProcesses): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  return limit(() =>
    runSynth({ cwd: REPO_ROOT, outDir, what: regionsFile, regionsFile, signal: children.signal, spawned: (child) => children.track(child) }).catch((error: unknown) => {
      throw error instanceof SynthFailure ? new Error(`${error.message}:\n${error.problems.join("\n")}`) : error;
    }),
  );
}

/** Every stack of a synth folder, parsed, in stack-name order. */
export function readSynthStacks(outDir: string): Map<string, JsonObject> {
  return new Map([...readSynthDir(outDir)].sort(([a], [b]) => a.localeCompare(b)));
}

/** The hashicorp/aws version the bindings wrote into `required_providers` (6.25.0 today). */
export function bindingsAwsVersion(stack: Readonly<Record<string, unknown>>): string | undefined {
  const terraform = stack.terraform as { required_providers?: { aws?: { version?: string } } } | undefined;
  return terraform?.required_providers?.aws?.version;
}

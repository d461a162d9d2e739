/**
 * The tier's synths: a regions file synthesized the way `npm run synth` does (tfjson/synth-run.ts),
 * through the tier's process limiter, and the stacks read back (tfjson/synth-dir.ts) in name order.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { App } from "cdktf";
import { parseDocument } from "yaml";
import { composeStacks } from "../../app/compose";
import type { OutputLayout } from "../../app/stacks/state-backend";
import { validateRegionsText } from "../../config/load";
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

/**
 * `regionsFile` without its `state:` block (the local-state trial), `edit`ed, composed in this
 * process into `layout.outdir` with local state under `layout.projectDir`, and read back. In this
 * process because a synth's local state paths lead to its project folder (the synthesizing process's
 * working directory otherwise): the tier's project folders are its own.
 */
export function synthesizeLocalTrial(regionsFile: string, layout: OutputLayout, edit: (text: string) => string = (text) => text): Map<string, JsonObject> {
  const file = resolve(REPO_ROOT, regionsFile);
  const document = parseDocument(readFileSync(file, "utf8"));
  document.delete("state");
  const result = validateRegionsText(file, edit(document.toString()));
  if (!result.ok) throw new Error(`${regionsFile} without state: is invalid:\n${result.errors.join("\n")}`);
  const app = new App({ outdir: layout.outdir });
  composeStacks(app, result.config, layout);
  app.synth();
  return readSynthStacks(layout.outdir);
}

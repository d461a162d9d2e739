/**
 * Synthesis into a staging folder and, once the guardrails pass, into the real output folder. The
 * staged folder is exactly what cdktf writes (manifest.json + stacks/<stack>/…, relative paths only),
 * so moving its files gives the cdktf CLI the folder it expects.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { App, TerraformStack } from "cdktf";
import type { JsonObject } from "../tfjson/json";
import { readSynthDir } from "../tfjson/synth-dir";

/**
 * A fresh folder beside `outdir` (same filesystem, so promotion is a rename), else in the temp dir
 * (also when there is no output folder: a check that writes nothing).
 */
export function makeStagingDir(outdir: string | undefined): string {
  const parent = outdir === undefined ? undefined : dirname(resolve(outdir));
  const base = parent !== undefined && existsSync(parent) ? parent : tmpdir();
  return mkdtempSync(join(base, `.${basename(outdir ?? "cdktf.out")}.staging-`));
}

/** Synthesizes the app `build` fills into `dir`; returns each stack's Terraform JSON by stack name. */
export function synthesizeInto(dir: string, build: (app: App) => void): Map<string, JsonObject> {
  const app = new App({ outdir: dir });
  build(app);
  app.synth();
  // SYNTH_HCL_OUTPUT=true writes HCL; the rules read JSON, so take it from the stack in memory.
  return readSynthDir(dir, { nonJson: (name) => stackInMemory(app, name).toTerraform() });
}

function stackInMemory(app: App, name: string): TerraformStack {
  const stack = app.node.children.find((child): child is TerraformStack => TerraformStack.isStack(child) && child.node.id === name);
  if (!stack) throw new Error(`stack ${name} is in the manifest but not in the app`);
  return stack;
}

function move(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true });
  }
}

/**
 * Moves every staged stack file into `outdir`, then manifest.json last, so the manifest never names
 * a stack whose files are not there yet. Other files in a stack folder (.terraform, a local state
 * file written by `cdktf deploy`) are left alone, as cdktf itself leaves them.
 */
export function promote(staging: string, outdir: string): void {
  const stagedStacks = join(staging, "stacks");
  for (const stack of readdirSync(stagedStacks)) {
    const target = join(outdir, "stacks", stack);
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(join(stagedStacks, stack))) move(join(stagedStacks, stack, entry), join(target, entry));
  }
  mkdirSync(outdir, { recursive: true });
  const manifest = join(outdir, "manifest.json");
  try {
    renameSync(join(staging, "manifest.json"), manifest);
  } catch {
    copyFileSync(join(staging, "manifest.json"), manifest);
  }
}

/**
 * Synthesis into a staging folder and, once the guardrails pass, into the real output folder. The
 * staged folder is exactly what cdktf writes (manifest.json + stacks/<stack>/…, relative paths only),
 * so moving its files gives the cdktf CLI the folder it expects.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
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

/** `from` replaces `to`: one rename on the same filesystem, a copy across filesystems. */
function move(from: string, to: string): void {
  try {
    // rename(2) replaces a file atomically; only a folder in the way has to go first.
    renameSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR" || code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR") {
      rmSync(to, { recursive: true, force: true });
      move(from, to);
    } else if (code === "EXDEV") {
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
    } else {
      throw error;
    }
  }
}

/**
 * Moves every staged stack into `outdir`, then manifest.json last, so the manifest never names a
 * stack whose files are not there yet. A stack folder that is new moves whole (one rename instead of a
 * mkdir, a rename per file and an rmdir: at 100 regions the per-file way cost up to 0.6 s of waiting
 * on the disk, bench). In a folder that exists, only the staged files replace theirs: other files
 * (.terraform, a local state file written by `cdktf deploy`) are left alone, as cdktf itself leaves them.
 */
export function promote(staging: string, outdir: string): void {
  const stagedStacks = join(staging, "stacks");
  mkdirSync(join(outdir, "stacks"), { recursive: true });
  for (const stack of readdirSync(stagedStacks)) {
    const target = join(outdir, "stacks", stack);
    if (!existsSync(target)) {
      move(join(stagedStacks, stack), target);
      continue;
    }
    for (const entry of readdirSync(join(stagedStacks, stack))) move(join(stagedStacks, stack, entry), join(target, entry));
  }
  move(join(staging, "manifest.json"), join(outdir, "manifest.json"));
}

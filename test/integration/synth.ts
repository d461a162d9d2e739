/**
 * Synthesizes a regions file the way `npm run synth` does (cdktf.json's app command,
 * `node --import tsx main.ts`), into a folder of our choosing through CDKTF_OUTDIR, and reads the
 * stacks back.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Limiter } from "./pool";

const REPO_ROOT = resolve(import.meta.dirname, "..", "..");

export function synthesize(regionsFile: string, outDir: string, limit: Limiter = (task) => task()): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  return limit(() => new Promise<void>((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "main.ts"],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, REGIONS_FILE: resolve(regionsFile), CDKTF_OUTDIR: outDir, CHECKPOINT_DISABLE: "1" },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`synth of ${regionsFile} failed:\n${stderr.trim() || error.message}`));
        else resolvePromise();
      },
    );
  }));
}

/** `stacks/<stack>/cdk.tf.json` of a synth folder, parsed, in stack-name order. */
export function readSynthStacks(outDir: string): Map<string, Record<string, unknown>> {
  const stacksDir = join(outDir, "stacks");
  const stacks = new Map<string, Record<string, unknown>>();
  if (!existsSync(stacksDir)) return stacks;
  for (const name of readdirSync(stacksDir).sort()) {
    const file = join(stacksDir, name, "cdk.tf.json");
    if (existsSync(file)) stacks.set(name, JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
  }
  return stacks;
}

/** The hashicorp/aws version the bindings wrote into `required_providers` (6.25.0 today). */
export function bindingsAwsVersion(stack: Readonly<Record<string, unknown>>): string | undefined {
  const terraform = stack.terraform as { required_providers?: { aws?: { version?: string } } } | undefined;
  return terraform?.required_providers?.aws?.version;
}

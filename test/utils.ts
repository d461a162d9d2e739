import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { TerraformStack, Testing, type App } from "cdktf";
import { validateRegionsText } from "../config/load";
import type { RegionsConfig } from "../config/schema/regions";
import type { Io } from "../cli/kit/io";
import { readSynthDir } from "../tfjson/synth-dir";
import { composeStacks } from "../app/compose";

export const REPO_ROOT = resolve(import.meta.dirname, "..");

/** How cdktf.json's app command and the npm scripts start an entry: `node <LAUNCH> <entry.ts> …`. */
export const LAUNCH = join(REPO_ROOT, "cli", "launch.mjs");

const LAUNCH_CACHE = join(REPO_ROOT, "node_modules", ".cache", "launch");

/** Removes the launcher's bundles of entries under `dir` (a test's scratch folder or checkout copy). */
export function removeLaunchBundles(dir: string): void {
  if (!existsSync(LAUNCH_CACHE)) return;
  for (const stamp of readdirSync(LAUNCH_CACHE).filter((name) => name.endsWith(".json"))) {
    const { entry } = JSON.parse(readFileSync(join(LAUNCH_CACHE, stamp), "utf8")) as { entry?: string };
    if (entry?.startsWith(dir)) {
      for (const suffix of [".json", ".mjs", ".mjs.map"]) rmSync(join(LAUNCH_CACHE, stamp.replace(/\.json$/, suffix)), { force: true });
    }
  }
}

const made: string[] = [];

/** A fresh folder under the OS temp dir, removed after the test file (test/setup.ts). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes a folder made elsewhere too, with the test file's temp folders. */
export function removeLater(dir: string): string {
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * `Testing.app()` with its output folder in a temp folder of ours: left to itself, cdktf makes a
 * `cdktf.outdir.*` folder in the OS temp dir for every app and never removes it.
 */
export function testApp(): App {
  return Testing.app({ outdir: join(tempDir("cdktf-app-"), "out") });
}

export const SHIPPED_REGIONS_FILE = "regions.yaml";
export const shippedRegionsText = readFileSync(SHIPPED_REGIONS_FILE, "utf8");

/** Synthesized Terraform JSON of one stack. */
export interface StackJson {
  /** cdktf's metadata and the app's lifecycle marker (tfjson/lifecycle-marker.ts). */
  readonly "//"?: Record<string, unknown>;
  readonly import?: readonly { readonly to: string; readonly id: string; readonly provider?: string }[];
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly terraform?: Record<string, unknown>;
}

export function configFromText(text: string, file = SHIPPED_REGIONS_FILE): RegionsConfig {
  const result = validateRegionsText(file, text);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.config;
}

export const shippedConfig = (): RegionsConfig => configFromText(shippedRegionsText);

/** Problems for a regions text, or [] when it is valid. */
export function problemsOf(text: string, file = SHIPPED_REGIONS_FILE): readonly string[] {
  const result = validateRegionsText(file, text);
  return result.ok ? [] : result.errors;
}

/**
 * Every stack of the app for `config`, synthesized through the real app (cross-stack references
 * resolved into outputs and remote state), keyed by stack name.
 */
export function synthApp(config: RegionsConfig): Map<string, StackJson> {
  const app = testApp();
  composeStacks(app, config);
  app.synth();
  return new Map([...readSynthDir(app.outdir)].sort(([a], [b]) => a.localeCompare(b)).map(([name, json]) => [name, json as StackJson]));
}

/** The workspace stacks of a synth (not the bootstrap, account or config stacks). */
export function workspaceStacksOf(stacks: ReadonlyMap<string, StackJson>): Map<string, StackJson> {
  return new Map([...stacks].filter(([name]) => !/-(config|account|bootstrap)$/.test(name)));
}

/** Synth of a scope holding one construct, parsed. */
export function synthConstruct(build: Parameters<typeof Testing.synthScope>[0]): StackJson {
  const stack = new TerraformStack(testApp(), "stack");
  build(stack);
  return JSON.parse(Testing.synth(stack)) as StackJson;
}

/** Resource bodies of one type (metadata stripped), in logical-id order. */
export function resourcesOf(stack: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(stack.resource?.[type] ?? {}).map(({ "//": _metadata, ...body }) => body);
}

export function dataSourcesOf(stack: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(stack.data?.[type] ?? {}).map(({ "//": _metadata, ...body }) => body);
}

/** The logical address (`type.name`) of the only resource of `type` matching `where`. */
export function addressOf(stack: StackJson, type: string, where: (body: Record<string, unknown>) => boolean = () => true): string {
  const names = Object.entries(stack.resource?.[type] ?? {})
    .filter(([, body]) => where(body))
    .map(([name]) => name);
  if (names.length !== 1) throw new Error(`expected one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

export function dataAddressOf(stack: StackJson, type: string): string {
  const names = Object.keys(stack.data?.[type] ?? {});
  if (names.length !== 1) throw new Error(`expected one data.${type}, found ${names.length}`);
  return `data.${type}.${names[0]}`;
}

/** `${address.attribute}` as cdktf writes a reference. */
export const ref = (address: string, attribute: string) => `\${${address}.${attribute}}`;

export interface CapturedIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

/** The test process's environment without REGIONS_FILE: a command under test reads regions.yaml unless told. */
export function testEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string | undefined> {
  const { REGIONS_FILE: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

/** An `Io` for a command's `main` that keeps what it prints. */
export function captureIo(cwd = process.cwd(), env: Readonly<Record<string, string | undefined>> = testEnv()): CapturedIo {
  let out = "";
  let err = "";
  return {
    cwd,
    env,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    out: () => out,
    err: () => err,
  };
}

/** Build output and what is linked rather than copied. */
const NOT_COPIED = new Set(["node_modules", ".git", "cdktf.out", "check-report.json"]);

/**
 * A copy of this checkout at `dir` (created), without build output and without `leaveOut`, its
 * node_modules linked: the app and every command run from it as from the original.
 */
export function checkoutCopy(dir: string, leaveOut: readonly string[] = []): string {
  mkdirSync(dir, { recursive: true });
  const skipped = new Set([...NOT_COPIED, ...leaveOut]);
  cpSync(REPO_ROOT, dir, { recursive: true, filter: (source) => !skipped.has(source.slice(REPO_ROOT.length + 1).split("/")[0]) });
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

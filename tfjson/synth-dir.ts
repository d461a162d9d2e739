/**
 * The one reader of a synthesized cdktf.out folder. cdktf's `manifest.json` names every stack and
 * the file it wrote (`stacks/<stack>/cdk.tf.json`); a folder without a manifest (an older synth, a
 * hand-made test folder) is read from `stacks/*` instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseStack, type Synth, type SynthStack } from "./block";
import { isObject, type JsonObject } from "./json";

/** A folder that is not a synth output, or a stack file that cannot be read: one line saying which. */
export class SynthDirError extends Error {}

const MANIFEST = "manifest.json";
const STACK_FILE = "cdk.tf.json";

export interface ReadOptions {
  /**
   * The JSON of a stack whose file is not JSON (`SYNTH_HCL_OUTPUT=true` writes `cdk.tf`).
   * @default the folder is refused, naming the file
   */
  readonly nonJson?: (stack: string) => unknown;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new SynthDirError(`cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SynthDirError(`cannot read "${file}": ${(error as Error).message}`);
  }
}

function readJson(file: string): unknown {
  return parseJson(file, readText(file));
}

/** stack name → stack file (relative to `dir`), in the manifest's order. */
function stackFiles(dir: string): [string, string][] {
  const manifestFile = join(dir, MANIFEST);
  if (existsSync(manifestFile)) {
    const manifest = readJson(manifestFile);
    const stacks = isObject(manifest) && isObject(manifest.stacks) ? manifest.stacks : undefined;
    if (!stacks) throw new SynthDirError(`cannot read "${manifestFile}": it lists no stacks`);
    return Object.entries(stacks).map(([name, entry]) => {
      const path = isObject(entry) ? entry.synthesizedStackPath : undefined;
      if (typeof path !== "string") throw new SynthDirError(`cannot read "${manifestFile}": stack ${name} has no synthesizedStackPath`);
      return [name, path];
    });
  }
  const stacksDir = join(dir, "stacks");
  if (!existsSync(stacksDir)) {
    throw new SynthDirError(`cannot read synth folder "${dir}": no stacks/ folder in it (expected ${dir}/stacks/<stack>/${STACK_FILE})`);
  }
  return readdirSync(stacksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(stacksDir, entry.name, STACK_FILE)))
    .map((entry) => [entry.name, join("stacks", entry.name, STACK_FILE)] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b));
}

function checkFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SynthDirError(`cannot read synth folder "${dir}": it does not exist or is not a folder`);
  }
}

/** Every stack's Terraform JSON, by stack name; `SynthDirError` when `dir` is not a synth folder. */
export function readSynthDir(dir: string, options: ReadOptions = {}): Map<string, JsonObject> {
  checkFolder(dir);
  const stacks = new Map<string, JsonObject>();
  for (const [name, path] of stackFiles(dir)) {
    const file = join(dir, path);
    const json = file.endsWith(".json") ? readJson(file) : options.nonJson?.(name);
    if (json === undefined) throw new SynthDirError(`cannot read "${file}": not JSON (synthesize without SYNTH_HCL_OUTPUT)`);
    stacks.set(name, isObject(json) ? json : {});
  }
  return stacks;
}

interface StackFile {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** Every stack file of a synth folder, read but not parsed; refused as `readSynthDir` refuses it. */
function readStackFiles(dir: string): StackFile[] {
  checkFolder(dir);
  return stackFiles(dir).map(([name, path]) => {
    const file = join(dir, path);
    if (!file.endsWith(".json")) throw new SynthDirError(`cannot read "${file}": not JSON (synthesize without SYNTH_HCL_OUTPUT)`);
    return { name, file, text: readText(file) };
  });
}

function parsedStack({ name, file, text }: StackFile): SynthStack {
  const json = parseJson(file, text);
  return parseStack(name, isObject(json) ? json : {});
}

/** Every stack of a synth folder as blocks (block.ts). */
export function loadSynth(dir: string): Synth {
  return new Map(readStackFiles(dir).map((stack) => [stack.name, parsedStack(stack)]));
}

/**
 * Both synths of a comparison. A head stack whose file is byte for byte the base's is the base's
 * stack, parsed once: in a review of a fleet most stacks are such, and reading both folders into
 * blocks was ~0.35 s of a ~1.3 s one-region review (docs/performance.md, "Review at fleet size").
 */
export function loadSynthPair(baseDir: string, headDir: string): { readonly base: Synth; readonly head: Synth } {
  const baseFiles = readStackFiles(baseDir);
  const base = new Map(baseFiles.map((stack) => [stack.name, parsedStack(stack)]));
  const baseTexts = new Map(baseFiles.map((stack) => [stack.name, stack.text]));
  const head = new Map(
    readStackFiles(headDir).map((stack) => {
      const same = baseTexts.get(stack.name) === stack.text ? base.get(stack.name) : undefined;
      return [stack.name, same ?? parsedStack(stack)];
    }),
  );
  return { base, head };
}

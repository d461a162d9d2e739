/**
 * Builders for small synthetic cdktf.out folders shaped like cdktf 0.21 output: cdktf's "//" metadata,
 * cross-stack references as sensitive outputs + `terraform_remote_state` data sources.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir as sharedTempDir } from "../../utils";

export { captureIo, removeTempDirs } from "../../utils";

export type Json = Record<string, unknown>;

export function tempDir(prefix = "review-test-"): string {
  return sharedTempDir(prefix);
}

/** Writes `stacks/<name>/cdk.tf.json` for each stack and returns the folder. */
export function writeSynth(stacks: Record<string, Json>, dir = tempDir()): string {
  mkdirSync(join(dir, "stacks"), { recursive: true });
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, "stacks", name), { recursive: true });
    writeFileSync(join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify(json, null, 2));
  }
  return dir;
}

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversedKeys(child)]));
}

/**
 * Rewrites one stack file of `dir` without indentation and with every object's keys in reverse
 * order: the same Terraform JSON in other bytes (a hand-formatted file, another serializer).
 */
export function reformatStack(dir: string, name: string): void {
  const file = join(dir, "stacks", name, "cdk.tf.json");
  writeFileSync(file, JSON.stringify(reversedKeys(JSON.parse(readFileSync(file, "utf8")))));
}

/** cdktf adds this to every resource; the review must ignore it. */
function withMetadata(stack: string, name: string, body: Json): Json {
  return { "//": { metadata: { path: `${stack}/${name}`, uniqueId: name } }, ...body };
}

export interface StackParts {
  readonly resources?: Record<string, Record<string, Json>>;
  readonly data?: Record<string, Record<string, Json>>;
  readonly outputs?: Record<string, Json>;
  /** Stacks this one reads through `terraform_remote_state` (cdktf cross-stack references). */
  readonly readsFrom?: readonly string[];
  /** Where local-backend state files live; differs between two checkouts of the same app. */
  readonly stateRoot?: string;
  /** The stack's lifecycle marker (tfjson/lifecycle-marker.ts), under `"//"`. */
  readonly lifecycle?: Json;
  /** `import` blocks. */
  readonly imports?: readonly Json[];
  /** `terraform.backend` instead of the local one under `stateRoot`. */
  readonly backend?: Json;
  /** The AWS provider's region; null: no AWS provider (a config stack). @default us-east-1 */
  readonly awsRegion?: string | null;
}

export function stack(name: string, parts: StackParts): Json {
  const stateRoot = parts.stateRoot ?? "/state";
  const resource: Json = {};
  for (const [type, instances] of Object.entries(parts.resources ?? {})) {
    resource[type] = Object.fromEntries(Object.entries(instances).map(([id, body]) => [id, withMetadata(name, id, body)]));
  }
  const data: Record<string, Json> = { ...(parts.data ?? {}) };
  for (const source of parts.readsFrom ?? []) {
    data.terraform_remote_state = {
      ...(data.terraform_remote_state ?? {}),
      [`cross-stack-reference-input-${source}`]: {
        backend: "local",
        config: { path: `${stateRoot}/terraform.${source}.tfstate` },
        workspace: "${terraform.workspace}",
      },
    };
  }
  return {
    "//": { metadata: { backend: "local", stackName: name, version: "0.21.0" }, ...(parts.lifecycle ? { lifecycle: parts.lifecycle } : {}) },
    ...(Object.keys(data).length ? { data } : {}),
    ...(parts.imports ? { import: parts.imports } : {}),
    ...(parts.outputs ? { output: parts.outputs } : {}),
    provider: parts.awsRegion === null ? { databricks: [{ host: "https://ws.example" }] } : { aws: [{ region: parts.awsRegion ?? "us-east-1" }] },
    resource,
    terraform: { backend: parts.backend ?? { local: { path: `${stateRoot}/terraform.${name}.tfstate` } } },
  };
}

/** `${data.terraform_remote_state.cross-stack-reference-input-<source>.outputs.<output>}` */
export function crossStackRef(source: string, output: string): string {
  return `\${data.terraform_remote_state.cross-stack-reference-input-${source}.outputs.${output}}`;
}

/** A cdktf cross-stack output: sensitive, named after the attribute it exports. */
export function crossStackOutput(reference: string): Json {
  return { sensitive: true, value: `\${${reference}}` };
}

const NODE_MODULES = resolve(import.meta.dirname, "../../../node_modules");

/**
 * A throwaway git repository whose `main.ts` copies `stack.json` into `$CDKTF_OUTDIR/stacks/app/`,
 * standing in for the real app (which may not exist yet). node_modules is linked so `npx tsx` runs.
 */
export function gitAppRepo(stackJson: Json): string {
  const repo = tempDir("review-repo-");
  writeFileSync(
    join(repo, "main.ts"),
    [
      'import { mkdirSync, readFileSync, writeFileSync } from "node:fs";',
      'const out = `${process.env.CDKTF_OUTDIR}/stacks/app`;',
      "mkdirSync(out, { recursive: true });",
      'writeFileSync(`${out}/cdk.tf.json`, readFileSync("stack.json", "utf8"));',
      "",
    ].join("\n"),
  );
  writeFileSync(join(repo, "stack.json"), JSON.stringify(stackJson));
  symlinkSync(NODE_MODULES, join(repo, "node_modules"), "dir");
  commitAll(repo);
  return repo;
}

/** Makes `dir` a git repository whose first commit holds everything in it but node_modules. */
export function commitAll(dir: string): void {
  const run = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  run("init", "-q", "-b", "main");
  run("config", "user.email", "test@example.com");
  run("config", "user.name", "review test");
  // A linked node_modules is a symlink, which `node_modules/` in .gitignore does not match.
  writeFileSync(join(dir, ".git", "info", "exclude"), "node_modules\n");
  run("add", "--all");
  run("commit", "-q", "-m", "v1");
}

export function worktreeCount(repo: string): number {
  return execFileSync("git", ["worktree", "list"], { cwd: repo, encoding: "utf8" }).trim().split("\n").length;
}

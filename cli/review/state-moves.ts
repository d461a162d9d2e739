/**
 * The state a renamed stack must take along. cdktf keys state by stack name (the S3 key
 * `<keyPrefix>/<stack>.tfstate`, the local file named after the stack), so after a rename terraform
 * finds no state under the new name and plans every resource anew, leaving the old ones running
 * unmanaged. Resource addresses do not change with the stack name (cdktf's logical ids exclude it),
 * so the move is a whole-state copy from the old location to the new one.
 *
 * Where the state lives is read from the synthesized backends (the old stack's in the base, the new
 * one's in the head), not re-derived: the commands follow whatever the app writes, before and after
 * the local state left cdktf.out (SHARED-DECISIONS 2).
 *
 * Sources: `terraform state push` refuses "an older serial or a different state file lineage unless
 * you specify the -force flag" (terraform 1.11 `state push -h`; verified: an unrelated state is
 * refused); `cdktf synth` deletes the folder of every stack no longer in the app, a local state file
 * in it included (@cdktf/cli-core synth-stack.js, research-14 §1.4); the S3 backend's lock object is
 * `<key>.tflock` (terraform docs, language/backend/s3).
 */
import { posix, resolve, sep } from "node:path";
import { localStateFile } from "../../domain/naming";
import { isObject, type JsonObject } from "../../tfjson/json";
import type { Renames } from "./renames";
import type { Synth } from "../../tfjson/block";

export type Backend =
  | { readonly kind: "local"; readonly path: string }
  | { readonly kind: "s3"; readonly bucket: string; readonly key: string; readonly region?: string }
  | { readonly kind: "other"; readonly name: string };

export interface MoveStep {
  /** `before-synth`: must run before the renamed configuration is synthesized (synth deletes the old folder). */
  readonly phase: "before-synth" | "after-synth";
  /** One shell command, run from the project folder. */
  readonly command: string;
  /** Why, printed as the command's comment. */
  readonly why: string;
}

export interface StateMove {
  readonly from: string;
  readonly to: string;
  readonly backend: "local" | "s3" | "changed";
  readonly steps: readonly MoveStep[];
  /** Said instead of (or besides) steps. */
  readonly note?: string;
}

export interface StateMoveOptions {
  /** The output folder cdktf deploys from, relative to the project folder. @default "cdktf.out" */
  readonly outdir?: string;
  /**
   * The folder the base synth was read from. A local backend path is relative to the stack's folder
   * in the output folder it was synthesized into, and review synthesizes into folders of its own
   * (`--base`): resolved there, a path inside that folder is the output folder's, one outside it is
   * the project's local state (domain/naming.ts localStateFile), wherever that synth ran.
   * @default the base was synthesized into `outdir`
   */
  readonly baseSynthDir?: string;
}

/** The backend a synthesized stack's `terraform.backend` names. */
export function backendOf(backend: JsonObject | undefined): Backend | undefined {
  if (!backend) return undefined;
  const [name, config] = Object.entries(backend)[0] ?? [];
  if (name === undefined || !isObject(config)) return undefined;
  if (name === "local") return typeof config.path === "string" ? { kind: "local", path: config.path } : { kind: "local", path: "terraform.tfstate" };
  if (name === "s3" && typeof config.bucket === "string" && typeof config.key === "string") {
    return { kind: "s3", bucket: config.bucket, key: config.key, ...(typeof config.region === "string" ? { region: config.region } : {}) };
  }
  return { kind: "other", name };
}

/** A shell word: left alone when it is plainly safe, single-quoted otherwise. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

const command = (...words: string[]) => words.map(shellWord).join(" ");

/** The folder terraform runs in for `stack` (cdktf: `<outdir>/stacks/<stack>`). */
function stackDir(outdir: string, stack: string): string {
  return posix.join(outdir, "stacks", stack);
}

/** A local backend path (relative to the stack's folder) as a path from the project folder. */
function fromProject(outdir: string, stack: string, path: string): string {
  return posix.isAbsolute(path) ? path : posix.normalize(posix.join(stackDir(outdir, stack), path));
}

function inside(folder: string, path: string): boolean {
  const relative = posix.relative(folder, path);
  return relative !== "" && !relative.startsWith("..") && !posix.isAbsolute(relative);
}

/** init, push, plan in the new stack's folder: the part every backend shares. */
function pushSteps(outdir: string, to: string, pushed: string): MoveStep[] {
  const chdir = `-chdir=${stackDir(outdir, to)}`;
  return [
    { phase: "after-synth", command: command("terraform", chdir, "init"), why: `the new stack's backend, empty so far` },
    {
      phase: "after-synth",
      command: command("terraform", chdir, "state", "push", pushed),
      why: "refused if the new name already has a state of its own (another lineage): then stop and look",
    },
    { phase: "after-synth", command: command("terraform", chdir, "plan"), why: "only this review's changes: nothing the old stack had is created again" },
  ];
}

/** Where the old stack's local state is, as a path from the project folder. */
function oldLocalState(from: string, oldPath: string, outdir: string, baseSynthDir: string | undefined): string {
  if (baseSynthDir === undefined || posix.isAbsolute(oldPath)) return fromProject(outdir, from, oldPath);
  const synthDir = resolve(baseSynthDir).split(sep).join("/");
  const resolved = posix.resolve(synthDir, "stacks", from, oldPath);
  return inside(synthDir, resolved) ? posix.join(outdir, posix.relative(synthDir, resolved)) : localStateFile(from);
}

function localMove(from: string, to: string, oldPath: string, outdir: string, baseSynthDir: string | undefined): StateMove {
  const old = oldLocalState(from, oldPath, outdir, baseSynthDir);
  const newDir = stackDir(outdir, to);
  const steps: MoveStep[] = [];
  let source = old;
  if (inside(outdir, old)) {
    // State inside the output folder: the next synth deletes it with the old stack's folder.
    source = `${from}.tfstate.moving`;
    steps.push({
      phase: "before-synth",
      command: command("cp", old, source),
      why: `before \`npm run synth\`: synth deletes ${stackDir(outdir, from)}/, state file included`,
    });
  }
  steps.push(...pushSteps(outdir, to, posix.isAbsolute(source) ? source : posix.relative(newDir, source)));
  steps.push({ phase: "after-synth", command: command("rm", source), why: "once the plan is as expected: the state now lives under the new name" });
  return { from, to, backend: "local", steps };
}

function s3Move(from: string, to: string, old: Extract<Backend, { kind: "s3" }>, outdir: string): StateMove {
  const region = old.region ? ["--region", old.region] : [];
  const object = `s3://${old.bucket}/${old.key}`;
  const copy = `${from}.tfstate`;
  return {
    from,
    to,
    backend: "s3",
    steps: [
      {
        phase: "after-synth",
        command: command("aws", "s3", "ls", `${object}.tflock`, ...region),
        why: "must list nothing: no deploy or plan may hold the old stack's lock while its state moves",
      },
      { phase: "after-synth", command: command("aws", "s3", "cp", object, copy, ...region), why: "a copy of the old state (never `aws s3 mv`: it skips terraform's lineage check and the lock)" },
      ...pushSteps(outdir, to, posix.relative(stackDir(outdir, to), copy)),
      { phase: "after-synth", command: command("aws", "s3", "rm", object, ...region), why: "once the plan is as expected (a versioned bucket keeps the old version)" },
      { phase: "after-synth", command: command("rm", copy), why: "the copy holds secrets (a service principal's OAuth secret is in a workspace stack's state)" },
    ],
  };
}

/** The move for one renamed stack, from its old backend (base) to its new one (head). */
export function stateMove(from: string, to: string, oldBackend: Backend | undefined, newBackend: Backend | undefined, options: StateMoveOptions = {}): StateMove {
  const outdir = options.outdir ?? "cdktf.out";
  if (!oldBackend || !newBackend || oldBackend.kind !== newBackend.kind || oldBackend.kind === "other") {
    return {
      from, to, backend: "changed", steps: [],
      note: "the backend itself changes (or is not one this tool knows): move the state under the new name with the old backend first, then let `terraform init -migrate-state` carry it to the new backend",
    };
  }
  return oldBackend.kind === "local" ? localMove(from, to, oldBackend.path, outdir, options.baseSynthDir) : s3Move(from, to, oldBackend as Extract<Backend, { kind: "s3" }>, outdir);
}

/** One move per renamed stack, in the new names' order. */
export function stateMoves(base: Synth, head: Synth, renames: Renames, options: StateMoveOptions = {}): StateMove[] {
  return [...renames]
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([from, to]) => stateMove(from, to, backendOf(base.get(from)?.backend), backendOf(head.get(to)?.backend), options));
}

/** The moves as a shell script: the before-synth steps, the synth, then the rest. */
export function stateMoveScript(moves: readonly StateMove[]): string {
  const lines: string[] = [];
  const before = moves.flatMap((move) => move.steps.filter((step) => step.phase === "before-synth"));
  for (const step of before) lines.push(`${step.command}   # ${step.why}`);
  lines.push("npm run synth   # the renamed stacks' folders, which the commands below run in");
  for (const move of moves) {
    lines.push(`# ${move.from} → ${move.to}`);
    if (move.note) lines.push(`# ${move.note}`);
    for (const step of move.steps.filter((s) => s.phase === "after-synth")) lines.push(`${step.command}   # ${step.why}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `review --base <ref>`: synthesizes a git ref and the working tree into temporary cdktf.out folders.
 * The ref is checked out in a temporary git worktree (never touching the working tree people edit),
 * sharing the working tree's node_modules through a symlink; the worktree is removed afterwards, also
 * when anything fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSynth, SynthFailure } from "../../tfjson/synth-run";
import { UserError } from "../kit/errors";
import type { Io } from "../kit/io";

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  return { ok: result.status === 0, stdout: (result.stdout ?? "").trim(), stderr: (result.stderr ?? "").trim() };
}

function lastLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? "no output";
}

/** Runs the app as synth does (tfjson/synth-run.ts); a failure names what failed and carries the app's own lines. */
async function synthesize(cwd: string, outDir: string, what: string, env: Io["env"]): Promise<void> {
  try {
    await runSynth({ cwd, outDir, what, env });
  } catch (error) {
    if (error instanceof SynthFailure) throw new UserError(`${error.message}; nothing was compared`, error.problems);
    throw error;
  }
}

/**
 * Synthesizes `ref` and the working tree of the repository around `cwd`, hands both cdktf.out folders
 * to `use`, then removes the worktree and the temporary folders whatever happens.
 */
export async function withSynthesizedRef<T>(ref: string, io: Pick<Io, "cwd" | "env">, use: (baseDir: string, headDir: string) => T | Promise<T>): Promise<T> {
  const top = git(io.cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new UserError(`--base needs a git repository, and "${io.cwd}" is not in one`);
  const repo = top.stdout;
  const commit = git(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!commit.ok) throw new UserError(`unknown git ref "${ref}" (not a commit in ${repo})`);

  const temp = mkdtempSync(join(tmpdir(), "review-"));
  const worktree = join(temp, "base");
  let worktreeAdded = false;
  try {
    const added = git(repo, ["worktree", "add", "--detach", worktree, commit.stdout]);
    if (!added.ok) throw new UserError(`cannot check out "${ref}" in a temporary worktree: ${lastLine(added.stderr)}`);
    worktreeAdded = true;
    if (existsSync(join(repo, "node_modules"))) symlinkSync(join(repo, "node_modules"), join(worktree, "node_modules"), "dir");

    // The base must read its own regions.yaml (in its worktree), not a file the caller pointed at.
    const baseEnv = { ...io.env };
    delete baseEnv.REGIONS_FILE;
    const baseOut = join(temp, "base-out");
    const headOut = join(temp, "head-out");
    await synthesize(worktree, baseOut, `base ref "${ref}"`, baseEnv);
    await synthesize(repo, headOut, "the working tree", io.env);
    return await use(baseOut, headOut);
  } finally {
    if (worktreeAdded) git(repo, ["worktree", "remove", "--force", worktree]);
    rmSync(temp, { recursive: true, force: true });
    git(repo, ["worktree", "prune"]);
  }
}

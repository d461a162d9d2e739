/**
 * Every `npm test` runs with its own temporary folder (TMPDIR, which os.tmpdir() and every child
 * process read), and fails when a test leaves anything in it: a test that does not clean up after
 * itself is found the run it is written, not after weeks of folders piling up in /tmp.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { removeLaunchBundles } from "./utils";

/** tsx's compile cache (`<tmpdir>/tsx-<uid>`): linked to the usual one, so spawned tsx processes stay warm. */
const TSX_CACHE = `tsx-${process.geteuid?.() ?? userInfo().username}`;

export default function setup(): () => void {
  const outer = tmpdir();
  const root = mkdtempSync(join(outer, "vitest-"));
  mkdirSync(join(outer, TSX_CACHE), { recursive: true });
  symlinkSync(join(outer, TSX_CACHE), join(root, TSX_CACHE), "dir");
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = existsSync(root) ? readdirSync(root).filter((name) => name !== TSX_CACHE) : [];
    rmSync(root, { recursive: true, force: true });
    // Synths of checkout copies in this run's folder (review's base worktrees) left bundles in the launcher's cache.
    removeLaunchBundles(root);
    if (left.length) {
      process.stderr.write(`\nFAIL tests left ${left.length} temporary folder(s) behind: ${left.sort().join(", ")}\n`);
      process.exitCode = 1;
    }
  };
}

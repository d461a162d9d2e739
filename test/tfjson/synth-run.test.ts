import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runSynth, SynthFailure } from "../../tfjson/synth-run";
import { REPO_ROOT, tempDir } from "../utils";

/** An empty checkout that can run `node --import tsx` (node_modules linked). */
function checkout(): string {
  const dir = tempDir("synth-run-");
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** A checkout whose main.ts prints `stderr` and exits `code`, standing in for the app. */
function fakeApp(stderr: string, code: number): string {
  const dir = checkout();
  writeFileSync(join(dir, "main.ts"), `process.stderr.write(${JSON.stringify(stderr)});\nprocess.exitCode = ${code};\n`);
  return dir;
}

async function failure(cwd: string): Promise<SynthFailure> {
  const error = await runSynth({ cwd, outDir: join(cwd, "out"), what: "the working tree" }).catch((e: unknown) => e);
  if (!(error instanceof SynthFailure)) throw new Error(`expected a SynthFailure, got ${String(error)}`);
  return error;
}

describe("runSynth: a failed synth carries the app's own lines", () => {
  test("an invalid regions file: every located problem, without the verdict line", async () => {
    const problems = ["regions.yaml: 2 problems", "regions.yaml:9:10 company: expected …", "regions.yaml:138:18 regions[2].workspaces.prod.vpcCidr: expected …"];
    const error = await failure(fakeApp(`${problems.join("\n")}\nNothing was synthesized.\n`, 1));
    expect(error.message).toBe("synth of the working tree failed (exit 1)");
    expect(error.problems).toEqual(problems);
  });

  test("a crash: the error line, not node's stack trace", async () => {
    const crashing = checkout();
    writeFileSync(join(crashing, "main.ts"), 'throw new TypeError("cannot read x of undefined");\n');
    expect((await failure(crashing)).problems).toEqual(["TypeError: cannot read x of undefined"]);
  });

  test("an app that exits 0 without writing stacks has failed too", async () => {
    const error = await failure(fakeApp("", 0));
    expect(error.message).toMatch(/^synth of the working tree wrote no stacks\/ folder to .*out$/);
  });
});

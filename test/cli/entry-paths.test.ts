/**
 * Every command as a user starts it (`npm run <script>`), from a checkout whose path has a space and
 * non-ASCII letters: each must do its work, not exit 0 having done nothing. And with its output
 * piped into a reader that stops early (`| head`), none may end in an EPIPE stack trace.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkoutCopy, LAUNCH, REPO_ROOT, removeLaunchBundles, removeTempDirs, tempDir, testEnv } from "../utils";

let checkout: string;

// regions.schema.json is left out: gen:schema must write it.
beforeAll(() => {
  checkout = checkoutCopy(join(tempDir("entry-paths-"), "dir with space", "ünï"), ["regions.schema.json"]);
});

afterAll(() => {
  removeLaunchBundles(checkout);
  removeTempDirs();
});

function npmRun(script: string, args: readonly string[]) {
  const run = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: checkout, encoding: "utf8", env: testEnv() });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const PLAN = "test/fixtures/plans/network.json";

describe.concurrent("every command works from a path with a space and non-ASCII letters", () => {
  test.each([
    ["synth", [], /^Generated Terraform code for the stacks: acme-data-account, [a-z0-9, -]+\n$/, 0],
    ["validate", [], /^regions\.yaml: ok: 3 regions, 6 workspaces, 14 stacks\nworkspace URLs: https:\/\/acme-data-use1-dev\.cloud\.databricks\.com and 5 more \(deploymentNamePrefix "acme"\)\n$/, 0],
    ["check", ["--report", "check-report.json"], /^regions\.yaml: 14 stacks, \d+ rules: 0 error\(s\)/m, 0],
    ["gen:schema", [], /^wrote regions\.schema\.json, the field reference in docs\/regions-yaml\.md and dashboards\/spend\.lvdash\.json\n$/, 0],
    ["review", ["--help"], /^usage: npm run review -- /, 0],
    ["plan-summary", [PLAN], /Plan review/, 2],
    ["onboard", ["--region", "eu-central-1", "--dry-run"], /^--- a\/regions\.yaml\n/, 0],
    ["test:terraform", ["--help"], /^usage: npm run test:terraform /, 0],
    ["ci", ["--help"], /^usage: npm run ci -- stacks /, 0],
  ])(
    "npm run %s",
    (script, args, output, status) => {
      const run = npmRun(script, args);
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(output);
      expect(run.status).toBe(status);
    },
    // The runs are synchronous, so each test's clock also runs while the ones before it block the
    // worker: the last waits for every command, a full synth among them, on a machine others share.
    180_000,
  );

  test("gen:schema there wrote the schema the repository holds (it ran, and on the copy's files)", () => {
    expect(readFileSync(join(checkout, "regions.schema.json"), "utf8")).toBe(readFileSync(join(REPO_ROOT, "regions.schema.json"), "utf8"));
  });
});

/** Starts a command with its stdout closed before it writes: every write fails with EPIPE. */
function withClosedStdout(entry: string, args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCH, entry, ...args], { cwd: REPO_ROOT, env: testEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe.concurrent("a reader that stops early (| head) ends no command with an EPIPE stack trace", () => {
  test.each([
    ["cli/onboard/cli.ts", ["--region", "eu-central-1", "--dry-run"], 0],
    ["cli/validate.ts", [], 0],
    ["cli/synth/cli.ts", ["--help"], 0],
    ["cli/review/cli.ts", ["--help"], 0],
    ["cli/plan-summary/cli.ts", [PLAN], 2],
    ["cli/check.ts", ["--help"], 0],
    ["cli/gen-schema.ts", ["--help"], 0],
    ["test/integration/cli.ts", ["--help"], 0],
  ])("%s %j: exit %i, nothing on stderr", async (entry, args, status) => {
    const run = await withClosedStdout(entry, args);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(status);
  });
});

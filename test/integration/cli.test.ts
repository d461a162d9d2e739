/**
 * The tier's command line, with a stand-in for terraform (no real terraform runs in `npm test`): it
 * answers `--help` and a wrong flag without starting anything, and an interrupted run stops every
 * process it started (terraform and the providers terraform started) and removes its folder.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { REPO_ROOT, removeTempDirs, tempDir, testEnv } from "../utils";
import { terraformPlatform } from "./environment";

const CLI = resolve(import.meta.dirname, "cli.ts");

afterEach(removeTempDirs);

/**
 * A folder holding a stand-in terraform and a stand-in provider mirror. The stand-in answers
 * `version -json`; any other command starts a "provider" child, records both process ids in
 * `pids/`, and runs until it is stopped, as a slow `terraform init` would.
 */
function standIn(): { root: string; env: Record<string, string | undefined>; pids: () => number[] } {
  const root = tempDir("tier-stand-in-");
  const pidsDir = join(root, "pids");
  mkdirSync(pidsDir);
  const terraform = join(root, "terraform");
  writeFileSync(
    terraform,
    [
      "#!/usr/bin/env node",
      'const { spawn } = require("node:child_process");',
      'const { writeFileSync } = require("node:fs");',
      'if (process.argv[2] === "version") { console.log(JSON.stringify({ terraform_version: "1.11.4" })); process.exit(0); }',
      'const provider = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });',
      `writeFileSync(${JSON.stringify(pidsDir)} + "/" + process.pid, "");`,
      `writeFileSync(${JSON.stringify(pidsDir)} + "/" + provider.pid, "");`,
      "setInterval(() => {}, 1000);",
      "",
    ].join("\n"),
  );
  chmodSync(terraform, 0o755);
  const provider = join(root, "mirror", "registry.terraform.io", "hashicorp", "aws", "5.100.0", terraformPlatform());
  mkdirSync(provider, { recursive: true });
  writeFileSync(join(provider, "terraform-provider-aws_v5.100.0_x5"), "");
  const tmp = join(root, "tmp");
  mkdirSync(tmp);
  return {
    root,
    env: testEnv({ TERRAFORM_BIN: terraform, TF_TIER_MIRROR: join(root, "mirror"), TMPDIR: tmp }),
    pids: () => (existsSync(pidsDir) ? readdirSync(pidsDir).map(Number) : []),
  };
}

/** Alive: not gone and not a zombie (an exited process its new parent has not reaped yet). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe("test:terraform: flags are answered without starting a run", () => {
  test.each([
    ["--help", 0, /^usage: npm run test:terraform /, ""],
    ["--colour", 1, /^$/, 'test:terraform: unknown flag "--colour" (known: --keep, --save-fixtures, --help)\n'],
  ])("%s: exit %i, no terraform started, no folder made", (flag, status, stdout, stderr) => {
    const stand = standIn();
    const run = spawnSync(process.execPath, ["--import", "tsx", CLI, flag], { cwd: REPO_ROOT, env: stand.env, encoding: "utf8" });
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toMatch(stdout);
    expect(run.status).toBe(status);
    expect(stand.pids()).toEqual([]);
    expect(readdirSync(join(stand.root, "tmp")).filter((name) => name.startsWith("terraform-tier-"))).toEqual([]);
  });
});

describe("test:terraform: an interrupted run leaves nothing behind", () => {
  test.each(["SIGINT", "SIGTERM"] as const)("%s stops terraform and its provider, removes the folder, exits 128+n", async (signal) => {
    const stand = standIn();
    const tier = spawn(process.execPath, ["--import", "tsx", CLI], { cwd: REPO_ROOT, env: stand.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    tier.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => tier.on("close", (code) => resolve(code)));
    try {
      // The stand-in `terraform init` of the provider cache starts with the run and never ends.
      await waitFor(() => stand.pids().length === 2);
      expect(readdirSync(join(stand.root, "tmp")).filter((name) => name.startsWith("terraform-tier-"))).toHaveLength(1);
      tier.kill(signal);
      expect(await exited).toBe(signal === "SIGINT" ? 130 : 143);
      expect(stdout).toContain(`${signal}: stopping every terraform and synth the tier started`);
      expect(stand.pids().filter(isRunning)).toEqual([]);
      expect(readdirSync(join(stand.root, "tmp")).filter((name) => name.startsWith("terraform-tier-"))).toEqual([]);
    } finally {
      tier.kill("SIGKILL");
      for (const pid of stand.pids().filter(isRunning)) process.kill(pid, "SIGKILL");
    }
  });
});

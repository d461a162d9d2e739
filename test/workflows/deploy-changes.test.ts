import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../utils";
import { SCRIPTS_DIR, standIn } from "./helpers";

const SCRIPT = join(SCRIPTS_DIR, "deploy-changes.sh");

/** A git repository with `commits` commits, and a stand-in npm that logs its arguments. */
function repo(commits: number, reviewExit = 0) {
  const dir = tempDir("deploy-changes-");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
  git("init", "-q");
  const shas: string[] = [];
  for (let i = 0; i < commits; i++) {
    writeFileSync(join(dir, "file"), String(i));
    git("add", "file");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", `c${i}`);
    shas.push(git("rev-parse", "HEAD"));
  }
  const bin = standIn(
    dir,
    "npm",
    [
      `echo "$*" >> "${join(dir, "npm.log")}"`,
      'case "$*" in',
      `  *" review "*) echo '{"stacks":[]}'; exit ${reviewExit} ;;`,
      '  *"--format github"*) echo "account=[]" ;;',
      '  *) echo "{}" ;;',
      "esac",
    ].join("\n"),
  );
  const run = (env: Record<string, string>) => {
    const result = spawnSync("bash", [SCRIPT], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: join(dir, "out"), ...env } });
    const log = (() => {
      try {
        return readFileSync(join(dir, "npm.log"), "utf8").trim().split("\n");
      } catch {
        return [];
      }
    })();
    return { ...result, log, outputs: (() => { try { return readFileSync(join(dir, "out"), "utf8"); } catch { return ""; } })() };
  };
  return { shas, run };
}

describe("deploy-changes.sh: which stacks the deploy applies", () => {
  test("compares with the commit main was at before the push", () => {
    const { shas, run } = repo(3);
    const { status, log, outputs } = run({ BEFORE: shas[0] });
    expect(status).toBe(0);
    expect(log).toEqual([
      `run --silent review -- --base ${shas[0]} --format json`,
      "run --silent ci -- waves --review review.json",
      "run --silent ci -- waves --review review.json --format github",
    ]);
    expect(outputs).toBe("account=[]\n");
  });

  test.each([
    ["no push (a manual run)", ""],
    ["a new branch (all zeros)", "0000000000000000000000000000000000000000"],
    ["a commit the checkout does not have", "1234567890123456789012345678901234567890"],
  ])("%s: compares with HEAD^", (_name, before) => {
    const { shas, run } = repo(2);
    expect(run({ BEFORE: before }).log[0]).toBe(`run --silent review -- --base ${shas[0]} --format json`);
  });

  test("the first commit has nothing before it: every stack", () => {
    const { run } = repo(1);
    const { status, log } = run({ BEFORE: "" });
    expect(status).toBe(0);
    expect(log).toEqual(["run --silent ci -- waves", "run --silent ci -- waves --format github"]);
  });

  test("dispatched with all: every stack, no review", () => {
    const { shas, run } = repo(2);
    expect(run({ ALL: "true", BEFORE: shas[0] }).log).toEqual(["run --silent ci -- waves", "run --silent ci -- waves --format github"]);
  });

  test("a destructive review (exit 2, accepted on the PR) still deploys; a failed review (exit 1) applies nothing", () => {
    expect(repo(2, 2).run({}).status).toBe(0);
    const failed = repo(2, 1).run({});
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("::error::npm run review failed");
    expect(failed.log.some((line) => line.includes("waves"))).toBe(false);
  });
});

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { main } from "../../../cli/review/cli";
import { checkoutCopy, LAUNCH } from "../../utils";
import { captureIo, commitAll, gitAppRepo, removeTempDirs, stack, tempDir, worktreeCount, writeSynth, type Json } from "./helpers";

afterEach(removeTempDirs);

const bucketStack = (bucket: string, tags: Json = {}) => stack("app", { resources: { aws_s3_bucket: { root: { bucket, tags } } } });

describe("review CLI: exit codes", () => {
  test("0 for an in-place change, 2 for a replacement, 0 again with --allow-destroy", async () => {
    const base = writeSynth({ app: bucketStack("a") });
    const tagged = writeSynth({ app: bucketStack("a", { Team: "x" }) });
    const renamed = writeSynth({ app: bucketStack("b") });

    const io = captureIo();
    expect(await main([base, tagged], io)).toBe(0);
    expect(io.out()).toMatch(/nothing destroyed/);
    expect(await main([base, renamed], captureIo())).toBe(2);
    expect(await main([base, renamed, "--allow-destroy"], captureIo())).toBe(0);
  });

  test("--format json prints the machine-readable report", async () => {
    const io = captureIo();
    const code = await main(["--format", "json", writeSynth({ app: bucketStack("a") }), writeSynth({ app: bucketStack("b") })], io);
    const json = JSON.parse(io.out());
    expect(code).toBe(2);
    expect(json).toMatchObject({ destructive: true, exitCode: 2, totals: { replace: 1 } });
    expect(json.stacks[0].changes[0]).toMatchObject({ address: "aws_s3_bucket.root", action: "replace" });
  });

  test("relative folders resolve against the working directory", async () => {
    const root = tempDir();
    writeSynth({ app: bucketStack("a") }, join(root, "base"));
    writeSynth({ app: bucketStack("a") }, join(root, "head"));
    expect(await main(["base", "head"], captureIo(root))).toBe(0);
  });
});

describe("review CLI: errors are one line naming the culprit, exit 1", () => {
  test.each([
    ["a missing folder", (dir: string) => [join(dir, "nope"), dir], /review: cannot read synth folder ".*nope"/],
    ["an unknown flag", (dir: string) => ["--colour", dir, dir], /review: unknown flag "--colour"/],
    ["one folder only", (dir: string) => [dir], /expected two folders or --base/],
    ["a bad --format", (dir: string) => ["--format", "xml", dir, dir], /unknown --format "xml"/],
  ])("%s", async (_name, args, message) => {
    const dir = writeSynth({ app: bucketStack("a") });
    const io = captureIo();
    expect(await main(args(dir), io)).toBe(1);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split("\n")).toHaveLength(1);
    expect(io.out()).toBe("");
  });

  test("as a process: exit status 1 and no stack trace", () => {
    const cli = resolve(import.meta.dirname, "../../../cli/review/cli.ts");
    const result = spawnSync(process.execPath, [LAUNCH, cli, "/nonexistent/base", "/nonexistent/head"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('review: cannot read synth folder "/nonexistent/base": it does not exist or is not a folder');
  });
});

describe("review CLI: --base <git-ref>", () => {
  test("synthesizes the ref and the working tree in temporary folders and compares them", async () => {
    const repo = gitAppRepo(bucketStack("acme-root"));
    writeFileSync(join(repo, "stack.json"), JSON.stringify(bucketStack("acme-root-renamed")));
    const io = captureIo(repo);

    expect(await main(["--base", "HEAD"], io)).toBe(2);
    expect(io.out()).toContain('`bucket`: `"acme-root"` → `"acme-root-renamed"` (forces replacement)');
    expect(worktreeCount(repo)).toBe(1);
  });

  test("an unknown ref is named in a one-line error and leaves no worktree", async () => {
    const repo = gitAppRepo(bucketStack("a"));
    const io = captureIo(repo);
    expect(await main(["--base", "no-such-branch"], io)).toBe(1);
    expect(io.err()).toBe(`review: unknown git ref "no-such-branch" (not a commit in ${repo})\n`);
    expect(worktreeCount(repo)).toBe(1);
  });

  test("a crashing synth is reported by its error line, not its stack trace, and the worktree is still removed", async () => {
    const repo = gitAppRepo(bucketStack("a"));
    writeFileSync(join(repo, "main.ts"), 'throw new Error("regions.yaml: 3 problems");\n');
    const io = captureIo(repo);
    expect(await main(["--base", "HEAD"], io)).toBe(1);
    expect(io.err()).toBe("Error: regions.yaml: 3 problems\nreview: synth of the working tree failed (exit 1); nothing was compared\n");
    expect(worktreeCount(repo)).toBe(1);
  });

  test("an invalid regions.yaml in the working tree: every located problem is printed", async () => {
    const repo = checkoutCopy(join(tempDir("review-app-"), "repo"));
    commitAll(repo);
    const shipped = readFileSync(join(repo, "regions.yaml"), "utf8");
    writeFileSync(join(repo, "regions.yaml"), shipped.replace("company: acme", "company: ACME").replace("vpcCidr: 10.31.0.0/16", "vpcCidr: 10.30.0.0/16"));
    const io = captureIo(repo);
    expect(await main(["--base", "HEAD"], io)).toBe(1);
    const lines = io.err().trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("regions.yaml: 2 problems");
    expect(lines[1]).toMatch(/^regions\.yaml:\d+:\d+ company: expected a company name: .*, found "ACME"$/);
    expect(lines[2]).toMatch(/^regions\.yaml:\d+:\d+ regions\[2\]\.workspaces\.prod\.vpcCidr: expected a VPC CIDR no other workspace uses/);
    expect(lines[3]).toBe("review: synth of the working tree failed (exit 1); nothing was compared");
    expect(io.out()).toBe("");
    expect(worktreeCount(repo)).toBe(1);
  });

  test("outside a git repository", async () => {
    const io = captureIo(tempDir());
    expect(await main(["--base", "main"], io)).toBe(1);
    expect(io.err()).toMatch(/--base needs a git repository/);
  });
});

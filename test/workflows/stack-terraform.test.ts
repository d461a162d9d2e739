import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../utils";
import { SCRIPTS_DIR, standIn } from "./helpers";

const SCRIPT = join(SCRIPTS_DIR, "stack-terraform.sh");
const SECRET = "dose-S3cret-value";

/** A plan as `terraform show -json` writes it: the secret in clear in the change and the prior state. */
const RAW_PLAN = {
  format_version: "1.2",
  terraform_version: "1.11.4",
  prior_state: { values: { root_module: { resources: [{ values: { secret: SECRET } }] } } },
  resource_changes: [
    {
      address: "databricks_service_principal_secret.airflow",
      type: "databricks_service_principal_secret",
      change: { actions: ["update"], before: { secret: SECRET, lifetime: "100d" }, after: { secret: SECRET, lifetime: "200d" }, before_sensitive: { secret: true }, after_sensitive: { secret: true } },
    },
  ],
};

/**
 * Runs the script on one stack against a stand-in terraform that logs its arguments and behaves as
 * told: `planExit` for `plan -detailed-exitcode`, `failAt` makes that subcommand fail.
 */
function run(mode: string, options: { planExit?: number; failAt?: string; lock?: boolean } = {}) {
  const dir = tempDir("stack-terraform-");
  const stackDir = join(dir, "cdktf.out", "stacks", "acme-data-use1-dev");
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(join(stackDir, "cdk.tf.json"), "{}");
  writeFileSync(join(dir, "raw-plan.json"), JSON.stringify(RAW_PLAN));
  if (options.lock) writeFileSync(join(dir, "lock.hcl"), "# lock\n");
  const bin = standIn(
    dir,
    "terraform",
    [
      `echo "$*" >> "${join(dir, "calls.log")}"`,
      `sub=$2`,
      `[ "$sub" = "${options.failAt ?? "none"}" ] && { echo "Error: $sub broke" >&2; exit 1; }`,
      `[ "$sub" = plan ] && exit ${options.planExit ?? 2}`,
      `[ "$sub" = show ] && cat "${join(dir, "raw-plan.json")}"`,
      "exit 0",
    ].join("\n"),
  );
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...(options.lock ? { LOCK_FILE: join(dir, "lock.hcl"), TF_PLUGIN_CACHE_DIR: join(dir, "cache") } : {}) };
  const result = spawnSync("bash", [SCRIPT, mode, "acme-data-use1-dev"], { cwd: dir, env, encoding: "utf8" });
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : undefined);
  return {
    status: result.status,
    stderr: result.stderr,
    calls: (read("calls.log") ?? "").trim().split("\n"),
    result: read("results/acme-data-use1-dev.json") && JSON.parse(read("results/acme-data-use1-dev.json")!),
    plan: read("plans/acme-data-use1-dev.json"),
    dir,
    stackDir,
  };
}

const chdir = "-chdir=cdktf.out/stacks/acme-data-use1-dev";

describe("stack-terraform.sh: one stack's terraform, the same in every workflow", () => {
  test("apply: init, plan with the state lock into a file, then apply exactly that file", () => {
    const { status, calls, result } = run("apply");
    expect(status).toBe(0);
    expect(calls).toEqual([
      `${chdir} init -input=false -no-color`,
      `${chdir} plan -input=false -no-color -detailed-exitcode -out=plan.tfplan`,
      `${chdir} show -json plan.tfplan`,
      `${chdir} apply -input=false -no-color plan.tfplan`,
    ]);
    expect(result).toEqual({ stack: "acme-data-use1-dev", outcome: "applied" });
  });

  test("apply with nothing to change applies nothing", () => {
    const { calls, result } = run("apply", { planExit: 0 });
    expect(calls.some((call) => call.includes(" apply "))).toBe(false);
    expect(result).toEqual({ stack: "acme-data-use1-dev", outcome: "no changes" });
  });

  test.each([
    ["plan", 2, "planned"],
    ["drift", 2, "drifted"],
    ["drift", 0, "no changes"],
  ])("%s (plan exit %i): without the state lock, the plan role may not write it → %s", (mode, planExit, outcome) => {
    const { status, calls, result } = run(mode, { planExit });
    expect(status).toBe(0);
    expect(calls[1]).toBe(`${chdir} plan -input=false -no-color -lock=false -detailed-exitcode -out=plan.tfplan`);
    expect(calls.some((call) => call.includes(" apply "))).toBe(false);
    expect(result.outcome).toBe(outcome);
  });

  test.each(["init", "plan", "apply"])("a failing terraform %s fails the job and names the step", (step) => {
    const { status, result } = run("apply", { failAt: step, ...(step === "plan" ? { planExit: 1 } : {}) });
    expect(status).toBe(1);
    expect(result).toEqual({ stack: "acme-data-use1-dev", outcome: "failed", step });
  });

  test("the plan leaves the job redacted: no secret, no prior state", () => {
    const { plan, stackDir } = run("plan");
    expect(plan).toBeDefined();
    expect(plan).not.toContain(SECRET);
    expect(JSON.parse(plan!).prior_state).toBeUndefined();
    expect(JSON.parse(plan!).resource_changes[0].change.after.secret).toMatch(/^\(sensitive [0-9a-f]{12}\)$/);
    expect(existsSync(join(stackDir, "plan.raw.json"))).toBe(false);
  });

  test("the shared lock file goes into the stack folder, so init takes providers from the cache", () => {
    const { stackDir, dir } = run("plan", { lock: true });
    expect(readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8")).toBe("# lock\n");
    expect(existsSync(join(dir, "cache"))).toBe(true);
  });

  test.each([
    [["destroy", "x"], 64, /usage: .* plan\|drift\|apply <stack>/],
    [["plan", "nope"], 1, /no synthesized stack nope in cdktf.out/],
  ])("refuses %j", (args, code, message) => {
    const result = spawnSync("bash", [SCRIPT, ...args], { cwd: tempDir("stack-terraform-"), encoding: "utf8" });
    expect(result.status).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});

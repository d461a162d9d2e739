import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SCRIPTS_DIR } from "./helpers";

const gate = (env: Record<string, string>) => spawnSync("bash", [join(SCRIPTS_DIR, "destroy-gate.sh")], { encoding: "utf8", env: { PATH: process.env.PATH, ...env } });

describe("destroy-gate.sh: the pull request's check", () => {
  test.each([
    ["nothing destructive", { REVIEW_EXIT: "0", PLANS_EXIT: "0" }, 0, "nothing destroyed or replaced"],
    ["no plan ran", { REVIEW_EXIT: "0", PLANS_EXIT: "" }, 0, "nothing destroyed or replaced"],
    ["the review failed", { REVIEW_EXIT: "1" }, 1, "::error::the review failed"],
    ["the review never ran", {}, 1, "::error::the review failed"],
    ["the review predicts destruction", { REVIEW_EXIT: "2", PLANS_EXIT: "0" }, 1, "::error::this change destroys or replaces resources"],
    ["a plan destroys", { REVIEW_EXIT: "0", PLANS_EXIT: "2" }, 1, "add the allow-destroy label once reviewed"],
    ["destruction accepted by the label", { REVIEW_EXIT: "2", PLANS_EXIT: "2", ALLOW_DESTROY: "true" }, 0, "::warning::destructive changes accepted"],
    ["the label on a push (removed in this run) does not count", { REVIEW_EXIT: "2", ALLOW_DESTROY: "false" }, 1, "::error::this change destroys"],
  ])("%s", (_name, env, status, message) => {
    const result = gate(env);
    expect(result.status).toBe(status);
    expect(result.stdout).toContain(message);
  });
});

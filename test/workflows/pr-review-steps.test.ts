/**
 * The pull-request workflow's review step, run here against a stand-in npm: what it leaves for the
 * comment and the plan matrix when the review works and when the synth fails.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../utils";
import { loadWorkflow, standIn, workflowFiles } from "./helpers";

const workflow = loadWorkflow("pr-review.yml");
const reviewScript = workflow.jobs.review.steps!.find((step) => step.id === "review")!.run!;

function runReview(npmBody: string) {
  const dir = tempDir("pr-review-step-");
  const bin = standIn(dir, "npm", npmBody);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, BASE_REF: "origin/main", GITHUB_OUTPUT: join(dir, "out"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
  const run = spawnSync("bash", ["-e", "-c", reviewScript], { cwd: dir, env, encoding: "utf8" });
  return { run, read: (file: string) => readFileSync(join(dir, file), "utf8") };
}

describe("pr-review.yml, the review step", () => {
  test("reviews against the base branch as JSON and as markdown, and hands the changed stacks to the plan matrix", () => {
    expect(reviewScript).toContain('npm run --silent review -- --base "$BASE_REF" --format json > review.json');
    expect(reviewScript).toContain('npm run --silent review -- --base "$BASE_REF" > review.md');
    const { run, read } = runReview(['case "$*" in', '  *"ci -- stacks"*) echo \'["acme-data-use1-dev"]\' ;;', '  *) echo "## review" ;;', "esac"].join("\n"));
    expect(run.status).toBe(0);
    expect(read("out")).toBe('exit-code=0\nstacks=["acme-data-use1-dev"]\n');
    expect(read("summary")).toBe("## review\n");
  });

  test("a failing synth puts its located problem into the comment, and plans nothing", () => {
    // What the review CLI prints for a working tree whose regions.yaml is invalid (test/cli/review/cli.test.ts).
    const problem = 'regions.yaml:9:10 company: expected a company name: 2-20 lowercase letters or digits, starting with a letter, found "ACME"';
    const { run, read } = runReview(`echo '${problem}' >&2\necho 'review: synth of the working tree failed (exit 1); nothing was compared' >&2\nexit 1`);
    expect(run.status).toBe(0);
    expect(read("review.md")).toContain("## ⚠️ Plan review failed");
    expect(read("review.md")).toContain(`${problem}\nreview: synth of the working tree failed (exit 1); nothing was compared\n`);
    expect(read("out")).toBe("exit-code=1\nstacks=[]\n");
  });
});

describe("every workflow: a step reads only outputs of earlier steps of its job", () => {
  test.each(workflowFiles())("%s", (file) => {
    for (const job of Object.values(loadWorkflow(file).jobs)) {
      const ids = (job.steps ?? []).map((step) => step.id);
      (job.steps ?? []).forEach((step, index) => {
        for (const [, id] of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs/g)) {
          expect(ids.indexOf(id), `${file}: ${step.name ?? step.uses} reads steps.${id}`).toBeGreaterThanOrEqual(0);
          expect(ids.indexOf(id)).toBeLessThan(index);
        }
      });
    }
  });
});

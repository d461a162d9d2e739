/**
 * What every workflow must hold, read from its YAML: the parts GitHub enforces at run time
 * (environments, needs, matrices, concurrency, permissions) and the contracts between files
 * (a reusable workflow's inputs, the scripts and npm commands a step runs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { WAVES } from "../../cli/ci/waves";
import { CI_DRIFT_ENVIRONMENT } from "../../domain/naming";
import { REPO_ROOT } from "../utils";
import { loadWorkflow, needsOf, runScripts, usesAction, workflowFiles, type Job } from "./helpers";

const files = workflowFiles();
const workflows = new Map(files.map((file) => [file, loadWorkflow(file)]));
const deploy = workflows.get("deploy.yml")!;
const apply = workflows.get("apply-stack.yml")!;
const drift = workflows.get("drift.yml")!;
const pr = workflows.get("pr-review.yml")!;
const synth = workflows.get("synth.yml")!;
const waveJobs = WAVES.map((wave) => wave.key.replace(/_/g, "-"));

describe("deploy.yml: needs-ordered waves of matrix jobs", () => {
  test("runs on pushes to main and by hand, with an 'all' switch", () => {
    expect(deploy.on).toEqual({
      push: { branches: ["main"] },
      workflow_dispatch: { inputs: { all: expect.objectContaining({ type: "boolean", default: false }) } },
    });
  });

  test("the jobs: synth, changes, the waves in order, summary", () => {
    expect(Object.keys(deploy.jobs)).toEqual(["synth", "changes", ...waveJobs, "summary"]);
  });

  test("each wave needs synth, changes and every earlier wave, so a failure anywhere stops everything after it", () => {
    waveJobs.forEach((job, index) => {
      expect(needsOf(deploy.jobs[job])).toEqual(["synth", "changes", ...waveJobs.slice(0, index)]);
      expect(deploy.jobs[job].if).toBe(
        `\${{ !cancelled() && !contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') && needs.changes.outputs.${WAVES[index].key} != '[]' }}`,
      );
    });
  });

  test("each wave is a matrix over the stacks `npm run ci -- waves` gave it, calling apply-stack.yml per leg", () => {
    for (const [index, job] of waveJobs.entries()) {
      const wave = deploy.jobs[job];
      expect(wave.strategy).toEqual({ "fail-fast": false, matrix: { include: `\${{ fromJSON(needs.changes.outputs.${WAVES[index].key}) }}` } });
      expect(wave.uses).toBe("./.github/workflows/apply-stack.yml");
      expect(wave.with).toEqual({
        stack: "${{ matrix.stack }}",
        environment: "${{ matrix.environment }}",
        "providers-key": "${{ needs.synth.outputs.providers-key }}",
      });
      expect(wave.permissions).toEqual({ contents: "read", "id-token": "write" });
      expect(deploy.jobs.changes.outputs?.[WAVES[index].key]).toBe(`\${{ steps.waves.outputs.${WAVES[index].key} }}`);
    }
  });

  test("the changes job compares with the commit before the push, unless dispatched with all", () => {
    const step = deploy.jobs.changes.steps!.find((s) => s.id === "waves")!;
    expect(step.run).toBe(".github/scripts/deploy-changes.sh");
    expect(step.env).toEqual({ ALL: "${{ inputs.all == true }}", BEFORE: "${{ github.event.before }}" });
    expect(deploy.jobs.changes.steps!.find(usesAction("actions/checkout"))?.with).toEqual({ "fetch-depth": 0 });
  });

  test("the summary runs whatever happened to the waves, and reports every apply job's result", () => {
    const summary = deploy.jobs.summary;
    expect(needsOf(summary)).toEqual(["synth", "changes", ...waveJobs]);
    expect(summary.if).toBe("${{ always() && needs.changes.result == 'success' }}");
    const text = runScripts(deploy).find(([name]) => name === "summary: What was applied")![1];
    expect(text).toContain('npm run --silent ci -- summary --waves waves.json --results results');
    expect(text).toContain(">> \"$GITHUB_STEP_SUMMARY\"");
  });
});

describe("apply-stack.yml: one stack, gated by its environment, never two at once", () => {
  const job = apply.jobs.apply;

  test("called with the stack, its environment and the providers' cache key", () => {
    const inputs = (apply.on.workflow_call as { inputs: Record<string, { required: boolean }> }).inputs;
    expect(Object.keys(inputs)).toEqual(["stack", "environment", "providers-key"]);
    for (const input of Object.values(inputs)) expect(input.required).toBe(true);
  });

  test("runs in the environment it is given: required reviewers gate prod, and the apply role trusts only environments", () => {
    expect(job.environment).toBe("${{ inputs.environment }}");
  });

  test("one concurrency group per stack, never cancelling a running apply", () => {
    expect(job.concurrency).toEqual({ group: "apply-${{ inputs.stack }}", "cancel-in-progress": false });
  });

  test("assumes the apply role and the Databricks apply principal through OIDC, and applies with the shared script", () => {
    expect(job.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(job.steps!.find(usesAction("aws-actions/configure-aws-credentials"))?.with).toMatchObject({ "role-to-assume": "${{ vars.AWS_APPLY_ROLE_ARN }}", "role-duration-seconds": 7200 });
    // Credentials outlive the job: the session as long as the job may run (the role allows it: bootstrap stack).
    expect(job["timeout-minutes" as keyof typeof job]).toBe(120);
    const applyStep = job.steps!.find((s) => s.run?.includes("stack-terraform.sh"))!;
    expect(applyStep.run).toBe('.github/scripts/stack-terraform.sh apply "$STACK"');
    expect(applyStep.env).toMatchObject({ DATABRICKS_AUTH_TYPE: "github-oidc", DATABRICKS_CLIENT_ID: "${{ vars.DATABRICKS_APPLY_CLIENT_ID }}", STACK: "${{ inputs.stack }}" });
  });

  test("every input the callers give exists, and every required one is given", () => {
    const inputs = (apply.on.workflow_call as { inputs: Record<string, { required: boolean }> }).inputs;
    for (const [file, workflow] of workflows) {
      for (const [id, caller] of Object.entries(workflow.jobs).filter(([, j]) => j.uses === "./.github/workflows/apply-stack.yml")) {
        expect(Object.keys(caller.with ?? {}).sort(), `${file} ${id}`).toEqual(Object.keys(inputs).sort());
      }
    }
  });
});

describe("drift.yml: every stack planned on a schedule", () => {
  test("scheduled on weekdays, and runnable by hand", () => {
    expect(drift.on).toEqual({ schedule: [{ cron: "17 5 * * 1-5" }], workflow_dispatch: null });
  });

  test("a matrix over every synthesized stack, in the drift environment the plan role trusts", () => {
    const plan = drift.jobs.plan;
    expect(needsOf(plan)).toEqual(["synth"]);
    expect(plan.strategy).toEqual({ "fail-fast": false, matrix: { stack: "${{ fromJSON(needs.synth.outputs.stacks) }}" } });
    expect(plan.environment).toBe(CI_DRIFT_ENVIRONMENT);
    expect(plan.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(plan.steps!.find(usesAction("aws-actions/configure-aws-credentials"))?.with).toMatchObject({ "role-to-assume": "${{ vars.AWS_PLAN_ROLE_ARN }}" });
    expect(plan.steps!.find((s) => s.run?.includes("stack-terraform.sh"))!.run).toBe('.github/scripts/stack-terraform.sh drift "$STACK"');
  });

  test("one job summarizes with plan-summary and keeps ONE issue, with the only write permission of the run", () => {
    const report = drift.jobs.report;
    expect(needsOf(report)).toEqual(["synth", "plan"]);
    expect(report.if).toBe("${{ always() && needs.synth.result == 'success' }}");
    expect(report.permissions).toEqual({ contents: "read", issues: "write" });
    expect(report.steps!.find((s) => s.run?.includes("ci -- drift"))!.run).toContain('npm run --silent ci -- drift --results results --plans plans --expect "$STACKS" > drift.json');
    expect(String(report.steps!.find(usesAction("actions/github-script"))!.with!.script)).toContain("syncDriftIssue({ github, context, report })");
  });
});

describe("pr-review.yml: plans as a matrix over the changed stacks, plus a test job", () => {
  test("the jobs and what each needs", () => {
    expect(Object.fromEntries(Object.entries(pr.jobs).map(([id, job]) => [id, needsOf(job)]))).toEqual({
      unlabel: [], test: [], review: [], synth: [], plan: ["review", "synth"], comment: ["review", "plan"],
    });
  });

  test("one plan job per stack the review says changed; same-repository pull requests only", () => {
    const plan = pr.jobs.plan;
    expect(plan.strategy).toEqual({ "fail-fast": false, matrix: { stack: "${{ fromJSON(needs.review.outputs.stacks) }}" } });
    expect(plan.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan.if).toContain("needs.review.outputs.stacks != '[]'");
    expect(pr.jobs.review.steps!.find((s) => s.id === "review")!.run).toContain("npm run --silent ci -- stacks --review review.json");
  });

  test("plan jobs name no environment: their OIDC subject must stay repo:<repo>:pull_request", () => {
    expect(pr.jobs.plan.environment).toBeUndefined();
    expect(pr.jobs.plan.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(pr.jobs.plan.steps!.find(usesAction("aws-actions/configure-aws-credentials"))?.with).toMatchObject({ "role-to-assume": "${{ vars.AWS_PLAN_ROLE_ARN }}" });
    expect(pr.jobs.plan.steps!.find((s) => s.run?.includes("stack-terraform.sh"))!.env).toMatchObject({ DATABRICKS_CLIENT_ID: "${{ vars.DATABRICKS_PLAN_CLIENT_ID }}" });
  });

  test("a test job runs npm test", () => {
    expect(pr.jobs.test.steps!.map((s) => s.run).filter(Boolean)).toEqual(["npm ci", "npm test"]);
  });

  test("every new push removes allow-destroy, and the gate does not trust the label in that same run", () => {
    expect(pr.jobs.unlabel.if).toBe("${{ github.event.action == 'synchronize' && github.event.pull_request.head.repo.full_name == github.repository }}");
    expect(pr.jobs.unlabel.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    const gate = pr.jobs.comment.steps!.at(-1)!;
    expect(gate.run).toBe(".github/scripts/destroy-gate.sh");
    expect(gate.env!.ALLOW_DESTROY).toBe("${{ github.event.action != 'synchronize' && contains(github.event.pull_request.labels.*.name, 'allow-destroy') }}");
  });

  test("the comment job gathers every plan into one sticky comment, posted for same-repository pull requests only", () => {
    const comment = pr.jobs.comment;
    expect(comment.if).toBe("${{ always() && needs.review.result == 'success' }}");
    expect(comment.steps!.find((s) => s.with?.pattern)?.with).toEqual({ pattern: "plan-*", "merge-multiple": true });
    const post = comment.steps!.find(usesAction("actions/github-script"))!;
    expect(post.if).toBe("env.TRUSTED == 'true'");
    expect(String(post.with!.script)).toContain("postStickyComment({ github, context, parts: [read(\"review.md\"), read(\"plan-summary.md\")] })");
  });
});

describe("every workflow", () => {
  test.each(files)("%s grants no write permission at the top: jobs ask for what they need", (file) => {
    expect(workflows.get(file)!.permissions ?? { contents: "read" }).toEqual({ contents: "read" });
  });

  test.each(files)("%s: every job that can mint an OIDC token says so itself", (file) => {
    const jobs = Object.entries(workflows.get(file)!.jobs);
    const oidcJobs = jobs.filter(([, job]) => job.steps?.some(usesAction("aws-actions/configure-aws-credentials")));
    for (const [id, job] of oidcJobs) expect(job.permissions?.["id-token"], `${file} ${id}`).toBe("write");
  });

  test.each(files)("%s sets CHECKPOINT_DISABLE", (file) => {
    expect(workflows.get(file)!.env).toMatchObject({ CHECKPOINT_DISABLE: "1" });
  });

  test("every action is pinned to a major version", () => {
    for (const [file, workflow] of workflows) {
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])) {
        if (step.uses) expect(step.uses, file).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
      }
    }
  });

  test("every local reusable workflow and script a step names exists (and a script is executable)", () => {
    for (const [file, workflow] of workflows) {
      for (const job of Object.values(workflow.jobs)) {
        if (job.uses?.startsWith("./")) expect(existsSync(join(REPO_ROOT, job.uses)), `${file}: ${job.uses}`).toBe(true);
      }
      for (const [, script] of runScripts(workflow)) {
        for (const [path] of script.matchAll(/\.github\/scripts\/[\w.-]+/g)) {
          expect(existsSync(join(REPO_ROOT, path)), `${file}: ${path}`).toBe(true);
          if (path.endsWith(".sh")) expect(statSync(join(REPO_ROOT, path)).mode & 0o111, path).not.toBe(0);
        }
      }
    }
  });

  test("every npm script the workflows run exists", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts);
    const texts = [...workflows.values()].flatMap((workflow) => runScripts(workflow).map(([, script]) => script));
    texts.push(readFileSync(join(REPO_ROOT, ".github/scripts/deploy-changes.sh"), "utf8"));
    for (const text of texts) for (const [, name] of text.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts).toContain(name);
  });

  test.each([...workflows].flatMap(([file, workflow]) => runScripts(workflow).map(([name, script]) => [`${file} ${name}`, script])))(
    "the script of %s is valid bash",
    (_name, script) => {
      const plain = script.replace(/\$\{\{[^}]*\}\}/g, "x");
      const result = spawnSync("bash", ["-n"], { input: plain, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    },
  );

  test("the synth artifact every terraform job downloads is uploaded by synth.yml, with the hidden lock file", () => {
    const upload = synth.jobs.synth.steps!.find(usesAction("actions/upload-artifact"))!;
    expect(upload.with).toMatchObject({ name: "synth", "include-hidden-files": true });
    expect(String(upload.with!.path).split("\n").filter(Boolean)).toEqual(["cdktf.out/", "providers/", "!providers/.terraform/"]);
  });

  test("every job restoring the providers uses the key and paths synth.yml saved them under (a cache entry is found by both)", () => {
    const saved = synth.jobs.synth.steps!.find(usesAction("actions/cache"))!.with!;
    const restores = [...workflows.values()].flatMap((workflow) => Object.values(workflow.jobs)).flatMap((job: Job) => job.steps ?? []).filter(usesAction("actions/cache/restore"));
    expect(restores.length).toBe(3);
    for (const restore of restores) {
      expect(restore.with!.path).toBe(saved.path);
      expect(restore.with!.key).toMatch(/^\$\{\{ (needs\.synth\.outputs|inputs)\.providers-key \}\}$/);
    }
  });
});

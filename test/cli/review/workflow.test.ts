/**
 * The pull-request workflow cannot run here (no GitHub, no credentials, no network), so its pieces are
 * checked where they can be: the YAML and its key steps, every shell script's syntax, the JavaScript
 * that picks the changed stacks and the one that posts the comment, run against stand-ins.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { reportToJson, type Report } from "../../../cli/review/report";
import { tempDir } from "../../utils";
import { REPO_ROOT } from "../onboard/helpers";

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

interface Workflow {
  readonly on: { pull_request: unknown };
  readonly permissions: Record<string, string>;
  readonly env: Record<string, string>;
  readonly jobs: Record<string, { steps: Step[] }>;
}

const text = readFileSync(join(REPO_ROOT, ".github/workflows/pr-review.yml"), "utf8");
const workflow = parse(text) as Workflow;
const steps = workflow.jobs.review.steps;
const runs = steps.filter((step) => step.run).map((step) => step.run!);
const allRuns = runs.join("\n");

function step(match: (step: Step) => boolean, what: string): Step {
  const found = steps.find(match);
  if (!found) throw new Error(`no step ${what}`);
  return found;
}

const usesAction = (prefix: string) => (s: Step) => s.uses?.startsWith(`${prefix}@`) === true;

describe("pr-review workflow: the steps issue 5 asks for", () => {
  test("runs on pull requests, may comment and may use OIDC", () => {
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.permissions).toMatchObject({ "pull-requests": "write", "id-token": "write", contents: "read" });
  });

  test("checks out the full history and sets up Node 20", () => {
    expect(step(usesAction("actions/checkout"), "checkout").with).toMatchObject({ "fetch-depth": 0 });
    expect(step(usesAction("actions/setup-node"), "setup-node").with).toMatchObject({ "node-version": 20 });
    expect(runs).toContain("npm ci");
    expect(runs).toContain("npm run synth");
  });

  test("reviews against the base branch, as JSON and as markdown", () => {
    expect(workflow.env.BASE_REF).toBe("origin/${{ github.base_ref }}");
    const review = step((s) => s.id === "review", "review").run!;
    expect(review).toContain('npm run --silent review -- --base "$BASE_REF" --format json > review.json');
    expect(review).toContain('npm run --silent review -- --base "$BASE_REF" > review.md');
  });

  test("plans each changed stack with terraform, then summarizes the plans", () => {
    expect(step(usesAction("hashicorp/setup-terraform"), "setup-terraform").with).toMatchObject({ terraform_wrapper: false });
    expect(step(usesAction("aws-actions/configure-aws-credentials"), "AWS OIDC").with).toMatchObject({
      "role-to-assume": "${{ secrets.AWS_PLAN_ROLE_ARN }}",
    });
    const plan = step((s) => s.id === "plan", "plan").run!;
    expect(plan).toContain('dir="cdktf.out/stacks/$stack"');
    expect(plan).toMatch(/terraform -chdir="\$dir" init /);
    expect(plan).toMatch(/terraform -chdir="\$dir" plan .*-out=plan\.tfplan/);
    expect(plan).toContain('terraform -chdir="$dir" show -json plan.tfplan > "plans/$stack.json"');
    expect(step((s) => s.id === "plans", "plan summary").run).toContain("npm run --silent plan-summary -- plans/*.json > plan-summary.md");
  });

  test("posts one sticky comment and fails on destruction unless labelled", () => {
    const comment = step(usesAction("actions/github-script"), "comment");
    expect(String(comment.with?.script)).toContain("<!-- pr-plan-review -->");
    const gate = steps.at(-1)!;
    expect(gate.env).toMatchObject({ ALLOW_DESTROY: "${{ contains(github.event.pull_request.labels.*.name, 'allow-destroy') }}" });
  });
});

describe("pr-review workflow: what can be checked without GitHub", () => {
  test("every action is pinned to a major version", () => {
    for (const s of steps.filter((s) => s.uses)) expect(s.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  test("every steps.<id> it reads is an earlier step", () => {
    const ids = steps.map((s) => s.id);
    steps.forEach((s, i) => {
      for (const [, id] of JSON.stringify(s).matchAll(/steps\.([\w-]+)\.outputs/g)) {
        expect(ids.indexOf(id), `${s.name ?? s.uses} reads steps.${id}`).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf(id)).toBeLessThan(i);
      }
    });
  });

  test("every npm script it runs exists", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts);
    for (const [, name] of allRuns.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts).toContain(name);
  });

  test.each(steps.filter((s) => s.run).map((s) => [s.name ?? s.run!.split("\n")[0], s.run!]))("the script of %s is valid bash", (_name, script) => {
    const plain = script.replace(/\$\{\{[^}]*\}\}/g, "x");
    const result = spawnSync("bash", ["-n"], { input: plain, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("the review step lists the stacks to plan: changed, added and renamed, not removed or unchanged", () => {
    const script = /node -e '([\s\S]*?)'/.exec(step((s) => s.id === "review", "review").run!)![1];
    const report: Report = {
      source: "synth-diff",
      stacks: [
        { name: "a-unchanged", status: "unchanged", changes: [], unchanged: 3 },
        { name: "b-changed", status: "changed", changes: [], unchanged: 0 },
        { name: "c-added", status: "added", changes: [], unchanged: 0 },
        { name: "d-removed", status: "removed", changes: [], unchanged: 0 },
        { name: "e-renamed", status: "renamed", renamedFrom: "e-old", changes: [], unchanged: 0 },
      ],
    };
    const dir = tempDir("workflow-");
    writeFileSync(join(dir, "review.json"), reportToJson(report, false));
    const out = execFileSync("node", ["-e", script], { cwd: dir, encoding: "utf8" });
    expect(out).toBe("b-changed\nc-added\ne-renamed\n");
  });

  test("a review that fails puts its located problems into the comment, not one useless line", () => {
    const dir = tempDir("workflow-");
    // Stands in for `npm run --silent review …` on a working tree whose regions.yaml is invalid:
    // what the review CLI prints then (test/cli/review/cli.test.ts), on stderr, exit 1.
    mkdirSync(join(dir, "bin"));
    const problem = 'regions.yaml:9:10 company: expected a company name: 2-20 lowercase letters or digits, starting with a letter, found "ACME"';
    writeFileSync(join(dir, "bin", "npm"), `#!/bin/sh\necho '${problem}' >&2\necho 'review: synth of the working tree failed (exit 1); nothing was compared' >&2\nexit 1\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${join(dir, "bin")}:${process.env.PATH}`, BASE_REF: "origin/main", GITHUB_OUTPUT: join(dir, "out"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
    const run = spawnSync("bash", ["-e", "-c", step((s) => s.id === "review", "review").run!], { cwd: dir, env, encoding: "utf8" });
    expect(run.status).toBe(0);
    const markdown = readFileSync(join(dir, "review.md"), "utf8");
    expect(markdown).toContain("## ⚠️ Plan review failed");
    expect(markdown).toContain(`${problem}\nreview: synth of the working tree failed (exit 1); nothing was compared\n`);
    expect(readFileSync(join(dir, "out"), "utf8")).toContain("exit-code=1");
  });

  describe("the comment script", () => {
    const script = String(step(usesAction("actions/github-script"), "comment").with?.script);
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;
    const post = new AsyncFunction("require", "github", "context", script);

    async function runWith(files: Record<string, string>, existing: { id: number; body: string; user: { type: string } }[]) {
      const calls: { kind: string; args: Record<string, unknown> }[] = [];
      const fs = { existsSync: (f: string) => f in files, readFileSync: (f: string) => files[f] };
      const github = {
        paginate: async () => existing,
        rest: {
          issues: {
            listComments: () => undefined,
            updateComment: async (args: Record<string, unknown>) => void calls.push({ kind: "update", args }),
            createComment: async (args: Record<string, unknown>) => void calls.push({ kind: "create", args }),
          },
        },
      };
      const context = {
        serverUrl: "https://github.com", runId: 7, repo: { owner: "acme", repo: "infra" }, payload: { pull_request: { number: 12 } },
      };
      await post((name: string) => (name === "fs" ? fs : undefined), github, context);
      return calls;
    }

    test("creates the comment once, then updates the same one", async () => {
      const created = await runWith({ "review.md": "## review", "plan-summary.md": "## plans" }, [{ id: 1, body: "hi", user: { type: "User" } }]);
      expect(created).toHaveLength(1);
      expect(created[0].kind).toBe("create");
      const body = String(created[0].args.body);
      expect(body.startsWith("<!-- pr-plan-review -->\n## review\n\n---\n\n## plans")).toBe(true);

      const updated = await runWith({ "review.md": "## v2" }, [{ id: 5, body, user: { type: "Bot" } }]);
      expect(updated).toEqual([{ kind: "update", args: expect.objectContaining({ comment_id: 5 }) }]);
    });

    test("stays under GitHub's comment limit", async () => {
      const calls = await runWith({ "review.md": "x".repeat(60_000), "plan-summary.md": "y".repeat(60_000) }, []);
      const body = String(calls[0].args.body);
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body).toContain("Cut at GitHub's comment limit");
    });
  });
});

import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SCRIPTS_DIR } from "./helpers";

const { syncDriftIssue, MARKER, LABEL } = createRequire(import.meta.url)(join(SCRIPTS_DIR, "drift-issue.cjs")) as typeof import("../../.github/scripts/drift-issue.cjs");

const context = { serverUrl: "https://github.com", runId: 9, repo: { owner: "acme", repo: "infra" } };
const drifted = { status: "drifted" as const, title: "Drift: 1 stack(s) differ from main", body: "## plan summary" };
const clean = { status: "clean" as const, title: "No drift", body: "all clean" };

function standInGitHub(open: { number: number; body?: string; pull_request?: unknown }[]) {
  const calls: { kind: string; args: Record<string, unknown> }[] = [];
  const listed: Record<string, unknown>[] = [];
  const record = (kind: string) => async (args: object) => void calls.push({ kind, args: args as Record<string, unknown> });
  const github = {
    paginate: async (_method: unknown, args: object) => (listed.push(args as Record<string, unknown>), open),
    rest: { issues: { listForRepo: () => undefined, create: record("create"), update: record("update"), createComment: record("comment") } },
  };
  return { github, calls, listed };
}

describe("syncDriftIssue: one issue while anything drifted", () => {
  test("opens one, labelled drift, when none is open", async () => {
    const { github, calls, listed } = standInGitHub([{ number: 3, body: "an unrelated issue" }]);
    expect(await syncDriftIssue({ github, context, report: drifted })).toBe("opened");
    expect(listed[0]).toMatchObject({ state: "open", creator: "github-actions[bot]" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ kind: "create", args: { title: drifted.title, labels: [LABEL] } });
    expect(String(calls[0].args.body)).toBe(`${MARKER}\n## plan summary\n\n<sub>Last checked by [this run](https://github.com/acme/infra/actions/runs/9).</sub>\n`);
  });

  test("updates the open one instead of opening another; a pull request with the marker is not it", async () => {
    const { github, calls } = standInGitHub([
      { number: 4, body: `${MARKER} in a PR`, pull_request: {} },
      { number: 8, body: `${MARKER}\nold` },
    ]);
    expect(await syncDriftIssue({ github, context, report: { ...drifted, status: "unknown" } })).toBe("updated");
    expect(calls).toEqual([{ kind: "update", args: expect.objectContaining({ issue_number: 8, title: drifted.title }) }]);
  });

  test("closes it, with a comment, once everything is clean", async () => {
    const { github, calls } = standInGitHub([{ number: 8, body: `${MARKER}\nold` }]);
    expect(await syncDriftIssue({ github, context, report: clean })).toBe("closed");
    expect(calls.map((call) => call.kind)).toEqual(["comment", "update"]);
    expect(calls[1].args).toMatchObject({ issue_number: 8, state: "closed" });
  });

  test("clean with no open issue: nothing to do", async () => {
    const { github, calls } = standInGitHub([]);
    expect(await syncDriftIssue({ github, context, report: clean })).toBe("nothing to do");
    expect(calls).toEqual([]);
  });
});

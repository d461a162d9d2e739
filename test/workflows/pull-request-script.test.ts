import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SCRIPTS_DIR } from "./helpers";

const { postStickyComment, removeAllowDestroy, MARKER } = createRequire(import.meta.url)(join(SCRIPTS_DIR, "pull-request.cjs")) as typeof import("../../.github/scripts/pull-request.cjs");

const context = { serverUrl: "https://github.com", runId: 7, repo: { owner: "acme", repo: "infra" }, payload: { pull_request: { number: 12 } } };

function standInGitHub(existing: { id: number; body: string; user: { type: string } }[], removeLabel?: () => Promise<unknown>) {
  const calls: { kind: string; args: Record<string, unknown> }[] = [];
  const record = (kind: string) => async (args: object) => void calls.push({ kind, args: args as Record<string, unknown> });
  const github = {
    paginate: async () => existing,
    rest: { issues: { listComments: () => undefined, updateComment: record("update"), createComment: record("create"), removeLabel: removeLabel ?? record("removeLabel") } },
  };
  return { github, calls };
}

describe("postStickyComment: one comment per pull request", () => {
  test("creates it once, then updates the bot's comment with the marker (not a person's quoting it)", async () => {
    const first = standInGitHub([{ id: 1, body: `quoting ${MARKER}`, user: { type: "User" } }]);
    expect(await postStickyComment({ github: first.github, context, parts: ["## review", "", "## plans"] })).toBe("created");
    const body = String(first.calls[0].args.body);
    expect(body.startsWith(`${MARKER}\n## review\n\n---\n\n## plans\n\n<sub>[workflow run](https://github.com/acme/infra/actions/runs/7)`)).toBe(true);
    expect(first.calls[0].args).toMatchObject({ issue_number: 12 });

    const second = standInGitHub([{ id: 5, body, user: { type: "Bot" } }]);
    expect(await postStickyComment({ github: second.github, context, parts: ["## v2"] })).toBe("updated");
    expect(second.calls).toEqual([{ kind: "update", args: expect.objectContaining({ comment_id: 5 }) }]);
  });

  test("a failing synth's located cause replaces the review and plans", async () => {
    const { github, calls } = standInGitHub([]);
    await postStickyComment({ github, context, parts: ["## ⚠️ Plan review failed\n\nregions.yaml:9:10 company: …", ""] });
    expect(String(calls[0].args.body)).not.toContain("---");
    expect(String(calls[0].args.body)).toContain("regions.yaml:9:10 company");
  });

  test("stays under GitHub's comment limit", async () => {
    const { github, calls } = standInGitHub([]);
    await postStickyComment({ github, context, parts: ["x".repeat(60_000), "y".repeat(60_000)] });
    const body = String(calls[0].args.body);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("Cut at GitHub's comment limit");
  });
});

describe("removeAllowDestroy: a new push needs a new acceptance", () => {
  test("removes the label from the pull request", async () => {
    const { github, calls } = standInGitHub([]);
    expect(await removeAllowDestroy({ github, context })).toBe(true);
    expect(calls).toEqual([{ kind: "removeLabel", args: { owner: "acme", repo: "infra", issue_number: 12, name: "allow-destroy" } }]);
  });

  test("no label (GitHub answers 404) is not an error; anything else is", async () => {
    const missing = standInGitHub([], async () => Promise.reject(Object.assign(new Error("Label does not exist"), { status: 404 })));
    expect(await removeAllowDestroy({ github: missing.github, context })).toBe(false);
    const forbidden = standInGitHub([], async () => Promise.reject(Object.assign(new Error("Resource not accessible by integration"), { status: 403 })));
    await expect(removeAllowDestroy({ github: forbidden.github, context })).rejects.toThrow("Resource not accessible by integration");
  });
});

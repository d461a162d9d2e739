/**
 * Review of the workspace lifecycle on real synths of the shipped regions.yaml: decommissioning a
 * region, then deleting its entry; adopting workspaces. The synths run in this process through the
 * guardrail gate `npm run synth` runs (app/gate.ts; test/app/gate.test.ts shows its output is a plain
 * cdktf synth's), not in child processes: five synths of the whole app stay within the test timeout
 * on a loaded 2-core machine. The CLI is called as a reviewer would call it: `npm run review -- <base> <head>`.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Document } from "yaml";
import { stackNames } from "../../../app/compose";
import { main } from "../../../cli/review/cli";
import { compareSynthDirs } from "../../../cli/review/compare";
import { exitCodeFor } from "../../../cli/review/report";
import { synthWithGuardrails } from "../../../app/gate";
import { FULL_ADOPTION } from "../../fixtures/lifecycle-edits";
import { captureIo, configFromText } from "../../utils";
import { regionsCopy, removeRegionsCopies, type RegionsCopy } from "../onboard/helpers";

afterAll(removeRegionsCopies);

function synth(edit?: (doc: Document) => void): { copy: RegionsCopy; out: string } {
  const copy = regionsCopy(edit, "review-lifecycle-");
  const out = join(copy.dir, "cdktf.out");
  const result = synthWithGuardrails(configFromText(copy.text, copy.file), { outdir: out, configFile: copy.file });
  if (!result.ok) throw new Error(`synth of ${copy.file} failed the guardrails`);
  return { copy, out };
}

async function review(base: string, head: string): Promise<{ code: number; out: string }> {
  const io = captureIo();
  const code = await main([base, head], io);
  return { code, out: io.out() };
}

const LAST = 2;
const REGION = "ap-southeast-2";
const decommissioning = (doc: Document) => doc.setIn(["regions", LAST, "decommission"], true);

describe("review of real synths: decommissioning a region, then deleting its entry", () => {
  let shipped: { copy: RegionsCopy; out: string };
  let decommissioned: { copy: RegionsCopy; out: string };
  let deleted: { copy: RegionsCopy; out: string };
  beforeAll(() => {
    [shipped, decommissioned, deleted] = [synth(), synth(decommissioning), synth((doc) => doc.deleteIn(["regions", LAST]))];
  });

  test('decommission: its stacks (and only they) destroyed by cdktf destroy; `npm run review` exits 2 and says "decommissioning <region>: N resources will be destroyed"', async () => {
    const report = compareSynthDirs(shipped.out, decommissioned.out);
    const mine = report.stacks.filter((stack) => stack.status === "decommissioning");
    const config = configFromText(decommissioned.copy.text);
    expect(mine.map((stack) => stack.name).sort()).toEqual(stackNames(config).filter((name) => name.includes("-apse2-")).sort());
    expect(report.stacks.filter((stack) => stack.status !== "decommissioning").every((stack) => stack.status === "unchanged")).toBe(true);
    const resources = mine.reduce((sum, stack) => sum + stack.changes.length, 0);
    expect(mine.every((stack) => stack.changes.every((change) => change.action === "delete" && !change.blocked))).toBe(true);

    const { code, out } = await review(shipped.out, decommissioned.out);
    expect(code).toBe(2);
    expect(out).toContain(`decommissioning ${REGION}: ${resources} resources will be destroyed`);
  });

  test("deleting the entry without decommissioning: orphaned, not destroyed by deploy; the metastore WILL go; exit 2", async () => {
    const { code, out } = await review(shipped.out, deleted.out);
    expect(code).toBe(2);
    expect(out).toMatch(new RegExp(`${REGION}: 4 stacks left the synth without \`decommission: true\`: \`cdktf deploy\` will NOT destroy them\\.\\*\\* Their \\d+ resources keep running, billed and unmanaged \\(orphaned\\)`));
    expect(out).toMatch(/The same change WILL destroy ap-southeast-2's account-level objects: `acme-data-account\/databricks_metastore\.metastore-ap-southeast-2_\w+`/);
  });

  test("deleting the entry after decommissioning: a note that it is right only if the destroy finished; the metastore's deletion still exits 2", async () => {
    const report = compareSynthDirs(decommissioned.out, deleted.out);
    expect(report.regions?.map((notice) => notice.kind)).toEqual(["removed-after-decommission"]);
    expect(report.stacks.flatMap((stack) => stack.changes).filter((change) => change.action === "orphan")).toEqual([]);
    const { code, out } = await review(decommissioned.out, deleted.out);
    expect(code).toBe(2);
    expect(out).toContain(`> ℹ️ ${REGION} (decommissioned) left the synth:`);
  });
});

describe("review of real synths: adopting the workspaces of a region", () => {
  // The last region: removing the first would move what lives in the first region's owner workspace
  // (the spend dashboard), a destroy of its own in the comparison.
  test("what exists is imported, the rest created, the kept name flagged; nothing destroyed, exit 0", async () => {
    const adopt = Object.fromEntries(Object.entries(FULL_ADOPTION).map(([key, value]) => [key, key === "subnetIds" ? JSON.parse(value.replace(/(subnet-\w+)/g, '"$1"')) : value.replace(/^"|"$/g, "")]));
    const [before, after] = [synth((doc) => doc.deleteIn(["regions", LAST])), synth((doc) => doc.setIn(["regions", LAST, "workspaces", "dev", "adopt"], adopt))];
    const report = compareSynthDirs(before.out, after.out);
    const dev = report.stacks.find((stack) => stack.name === "acme-data-apse2-dev")!;
    expect(dev.status).toBe("added");
    // Workspace, credentials, storage and network configurations, VPC, security group, role, 3 subnets,
    // the bucket and its 5 settings (no metastore assignment here).
    expect(dev.changes.filter((change) => change.action === "import")).toHaveLength(16);
    expect(dev.changes.find((change) => change.type === "databricks_mws_workspaces")).toMatchObject({ action: "import", reasons: [expect.stringContaining("/1234567890123456")] });
    expect(report.adoptions).toEqual([{ stack: "acme-data-apse2-dev", workspaceName: "legacy-analytics-dev", conventionName: "acme-data-apse2-dev" }]);
    expect(exitCodeFor(report, false)).toBe(0);
    const { code, out } = await review(before.out, after.out);
    expect(code).toBe(0);
    // (The bootstrap stack's CI apply role also changes: its reach follows the regions.)
    expect(out).toMatch(/^## 🟢 Plan review: nothing destroyed: \d+ to add, 16 to import, 1 to change\n/);
    expect(out).toContain("adopts the workspace `legacy-analytics-dev` under its existing name; the convention would name it `acme-data-apse2-dev`. Nothing is renamed");
  });
});

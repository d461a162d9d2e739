import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { main } from "../../../cli/plan-summary/cli";
import { loadPlanFile, parsePlan, stackNameOf } from "../../../cli/plan-summary/plan-file";
import { actionOf, markedAt, planReport } from "../../../cli/plan-summary/plan-report";
import type { ResourceChange } from "../../../cli/review/report";
import { captureIo, removeTempDirs, tempDir } from "../review/helpers";
import { LAUNCH } from "../../utils";

afterEach(removeTempDirs);

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/plans");
const NETWORK = join(FIXTURES, "network.json");
const WORKSPACE = join(FIXTURES, "workspace", "plan.json");
/** Values the workspace fixture marks sensitive; none may appear in any output. */
const SECRETS = ["OLD-SECRET-VALUE-1", "NEW-SECRET-VALUE-2", "ACCOUNT-ID-HIDDEN-3", "dapi-TOKEN-VALUE-4", "dapi-TOKEN-VALUE-5", "PRINCIPAL-SECRET-6", "EXTERNAL-7", "EXTERNAL-8"];

function changeOf(address: string): ResourceChange | undefined {
  const report = planReport([loadPlanFile(NETWORK), loadPlanFile(WORKSPACE)]);
  return report.stacks.flatMap((s) => s.changes).find((c) => c.address === address);
}

describe("plan-summary: terraform actions", () => {
  test.each([
    ["aws_subnet.extra", "create"],
    ["aws_vpc.vpc", "update"],
    ["aws_nat_gateway.old", "delete"],
    ["aws_subnet.private", "replace"],
    ["aws_security_group.workspace", "replace"],
    ["data.aws_availability_zones.azs", "read"],
    ["aws_flow_log.legacy", "forget"],
  ])("%s → %s", (address, action) => {
    expect(changeOf(address)?.action).toBe(action);
  });

  test("a no-op is counted as unchanged, not listed", () => {
    const network = planReport([loadPlanFile(NETWORK)]).stacks[0];
    expect(network.changes.find((c) => c.address === "aws_internet_gateway.igw")).toBeUndefined();
    expect(network.unchanged).toBe(1);
  });

  test("both replace orders, with action_reason and the path that forces it", () => {
    const destroyFirst = changeOf("aws_subnet.private");
    expect(destroyFirst?.reasons).toEqual(["action_reason: replace_because_cannot_update (an argument cannot be updated in place)", "destroy before create"]);
    expect(destroyFirst?.attributes.find((a) => a.forcesReplacement)).toEqual({ path: "cidr_block", before: '"10.1.0.0/18"', after: '"10.1.128.0/18"', forcesReplacement: true });
    expect(destroyFirst?.attributes.find((a) => a.path === "arn")?.after).toBe("(known after apply)");
    expect(changeOf("aws_security_group.workspace")?.reasons).toContain("create before destroy");
    expect(changeOf("aws_nat_gateway.old")?.reasons[0]).toMatch(/^action_reason: delete_because_no_resource_config/);
  });

  test.each([
    [["delete", "create"], "replace"], [["create", "delete"], "replace"], [["delete"], "delete"],
    [["delete", "forget"], "delete"], [["no-op"], "no-op"], [["frobnicate"], "maybe-replace"],
  ])("actions %j → %s (every deletion is found)", (actions, expected) => {
    expect(actionOf(actions)).toBe(expected);
  });
});

describe("plan-summary: imports (Terraform >= 1.5 import blocks)", () => {
  const imported = (actions: string[]) =>
    planReport([{
      file: "ws.json",
      stack: "ws",
      plan: parsePlan("ws.json", {
        format_version: "1.2",
        resource_changes: [{
          address: "aws_vpc.v", mode: "managed", type: "aws_vpc", name: "v",
          change: { actions, before: { cidr_block: "10.0.0.0/16", tags: {} }, after: { cidr_block: "10.0.0.0/16", tags: { Team: "x" } }, importing: { id: "vpc-0123456789abcdef0" } },
        }],
      }),
    }]).stacks[0];

  test("an import with nothing to change is listed as an import, not hidden as unchanged", () => {
    expect(imported(["no-op"])).toMatchObject({ unchanged: 0, changes: [{ action: "import", reasons: ['imported from "vpc-0123456789abcdef0": the existing object is adopted, not created'] }] });
  });

  test("an import that also updates says where the object comes from", () => {
    expect(imported(["update"]).changes[0]).toMatchObject({ action: "update", reasons: ['imported from "vpc-0123456789abcdef0": the existing object is adopted, not created'] });
  });
});

describe("plan-summary: a JSON document in an attribute changes key by key", () => {
  test("a cluster policy cap reads old → new, not as two cut strings that read the same", () => {
    const definition = (max: number) => JSON.stringify({ "autoscale.max_workers": { type: "range", maxValue: 4 }, "custom_tags.Team": { type: "fixed", value: "x".repeat(200) }, num_workers: { type: "range", maxValue: max } });
    const plan = parsePlan("p.json", {
      format_version: "1.2",
      resource_changes: [{ address: "databricks_cluster_policy.personal", type: "databricks_cluster_policy", change: { actions: ["update"], before: { definition: definition(32) }, after: { definition: definition(16) } } }],
    });
    const [change] = planReport([{ file: "p.json", stack: "config", plan }]).stacks[0].changes;
    expect(change.attributes).toEqual([{ path: "definition", inside: "num_workers.maxValue", before: "32", after: "16", forcesReplacement: false }]);
  });
});

describe("plan-summary: sensitive values", () => {
  test("nothing the plan marks sensitive is printed, in markdown or JSON", async () => {
    for (const format of ["markdown", "json"]) {
      const io = captureIo();
      await main(["--format", format, NETWORK, WORKSPACE], io);
      for (const secret of SECRETS) expect(io.out(), `${format}: ${secret}`).not.toContain(secret);
      expect(io.out()).toContain("(sensitive)");
    }
  });

  test("a non-secret-looking attribute marked sensitive is hidden; its neighbours are not", () => {
    const secretVersion = changeOf("aws_secretsmanager_secret_version.sp");
    expect(secretVersion?.attributes).toContainEqual({ path: "secret_string", before: "(sensitive)", after: "(sensitive)", forcesReplacement: false });
    expect(secretVersion?.attributes).toContainEqual({ path: "version_stages[1]", before: "(none)", after: '"extra"', forcesReplacement: false });
    expect(changeOf("databricks_mws_credentials.this")?.attributes[0]).toMatchObject({ before: "(sensitive)", after: "(sensitive)" });
  });

  test("sensitivity masks mark a value when it or any parent is true", () => {
    expect(markedAt(true, ["a", 0, "b"])).toBe(true);
    expect(markedAt({ token: [{ token_value: true }] }, ["token", 0, "token_value"])).toBe(true);
    expect(markedAt({ token: [{ token_value: true }] }, ["token", 0, "comment"])).toBe(false);
    expect(markedAt(false, ["a"])).toBe(false);
  });
});

describe("plan-summary: files and versions", () => {
  test("stack names come from the file name, or the folder for plan.json", () => {
    expect(stackNameOf("/x/network.json")).toBe("network");
    expect(stackNameOf("/x/acme-data-use1-dev/plan.json")).toBe("acme-data-use1-dev");
    expect(planReport([loadPlanFile(WORKSPACE)]).stacks[0].name).toBe("workspace");
  });

  test("unknown fields are ignored; any 1.x format_version is read", () => {
    expect(() => parsePlan("p.json", { format_version: "1.9", something_new: [1], resource_changes: [] })).not.toThrow();
    expect(loadPlanFile(NETWORK).plan.resource_changes).toHaveLength(8);
  });

  test("an unknown major format_version is refused, naming the file", async () => {
    const io = captureIo();
    expect(await main([join(FIXTURES, "future-major.json")], io)).toBe(1);
    expect(io.err()).toBe(`plan-summary: ${join(FIXTURES, "future-major.json")}: unsupported format_version "2.0" (this tool reads plan JSON 1.x)\n`);
  });

  test.each([
    ["a missing file", () => "/nonexistent/plan.json", /cannot read plan file "\/nonexistent\/plan\.json": ENOENT/],
    ["invalid JSON", () => write("{ nope"), /: not valid JSON/],
    ["not a plan", () => write(JSON.stringify({ format_version: "1.2", resource_changes: [{ address: 1 }] })), /not a terraform plan: resource_changes\[0\]\.address/],
  ])("%s is a one-line error, exit 1", async (_name, file, message) => {
    const io = captureIo();
    expect(await main([file()], io)).toBe(1);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split("\n")).toHaveLength(1);
  });
});

function write(text: string): string {
  const file = join(tempDir(), "stack.json");
  writeFileSync(file, text);
  return file;
}

describe("plan-summary: exit codes and output", () => {
  test("2 with deletions or replacements, 0 with --allow-destroy, 0 for additions only", async () => {
    expect(await main([NETWORK], captureIo())).toBe(2);
    expect(await main([NETWORK, "--allow-destroy"], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main([join(FIXTURES, "additions-only.json")], io)).toBe(0);
    expect(io.out()).toMatch(/^## 🟢 Plan review: nothing destroyed: 1 to add/);
  });

  test("the markdown lists deletions and replacements first, then counts per stack", async () => {
    const io = captureIo();
    await main([NETWORK, WORKSPACE], io);
    const markdown = io.out();
    expect(markdown.indexOf("**delete** `network` `aws_nat_gateway.old`")).toBeLessThan(markdown.indexOf("### Per stack"));
    expect(markdown).toContain("| `network` | changed | 1 | 1 | 2 | 1 | 1 |");
    expect(markdown).toContain("| `workspace` | changed | 0 | 3 | 1 | 0 | 0 |");
  });

  test("as a process: unknown flag gives exit status 1 and one line", () => {
    const cli = resolve(import.meta.dirname, "../../../cli/plan-summary/cli.ts");
    const result = spawnSync(process.execPath, [LAUNCH, cli, "--colour", NETWORK], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('plan-summary: unknown flag "--colour" (known: --format, --allow-destroy, --help)\n');
  });
});

describe("plan-summary: a replaced time_sleep", () => {
  test("is listed but not destructive: it holds no infrastructure", async () => {
    const dir = tempDir();
    const plan = {
      format_version: "1.2",
      resource_changes: [{
        address: "time_sleep.wait", mode: "managed", type: "time_sleep", name: "wait",
        change: { actions: ["delete", "create"], before: { triggers: { policy: "{}" } }, after: { triggers: null }, after_unknown: { triggers: true } },
        action_reason: "replace_because_cannot_update",
      }],
    };
    writeFileSync(join(dir, "ws.json"), JSON.stringify(plan));
    const io = captureIo(dir);
    expect(await main(["ws.json"], io)).toBe(0);
    expect(io.out()).toMatch(/^## 🟢 Plan review: nothing destroyed: 1 to replace\n/);
    expect(io.out()).toContain("1 replacement of `time_sleep` not counted as destructive");
    expect(io.out()).toContain("- **replace** `ws` `time_sleep.wait`");
  });
});

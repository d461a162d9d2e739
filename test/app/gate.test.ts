import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Aspects } from "cdktf";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { describe, expect, test } from "vitest";
import { gateReport, synthWithGuardrails } from "../../app/gate";
import { composeStacks } from "../../app/compose";
import { LAUNCH, shippedConfig, shippedRegionsText, tempDir } from "../utils";

const config = shippedConfig();

const freshDir = () => tempDir("gate-");

/** path → content of every file under `dir`. */
function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

/** Every stack of the app, with the flow log of `stackName` deleted after the stacks are built. */
function withoutFlowLog(stackName: string) {
  return (app: App) => {
    composeStacks(app, config);
    const stack = app.node.findChild(stackName);
    const flowLogs = stack.node.findAll().filter((construct) => construct instanceof FlowLog);
    expect(flowLogs).toHaveLength(1);
    for (const flowLog of flowLogs) flowLog.node.scope!.node.tryRemoveChild(flowLog.node.id);
  };
}

describe("synth gate: stacks reach the output folder only when the rule pack passes", () => {
  test("the shipped file passes, and the output is exactly what a plain cdktf synth writes", () => {
    const dir = freshDir();
    const result = synthWithGuardrails(config, { outdir: join(dir, "out") });
    expect(result.ok).toBe(true);
    expect(result.findings.filter((finding) => finding.level === "error")).toEqual([]);
    const plain = new App({ outdir: join(dir, "plain") });
    composeStacks(plain, config);
    plain.synth();
    const gated = filesUnder(join(dir, "out"));
    expect(gated.has("/manifest.json")).toBe(true);
    expect(gated).toEqual(filesUnder(join(dir, "plain")));
    expect(readdirSync(dir).sort()).toEqual(["out", "plain"]); // no staging folder left behind
  });

  test("an Aspect is refused: cdktf would apply it after the gate made and judged the JSON", () => {
    const dir = freshDir();
    const withAspect = (app: App) => {
      composeStacks(app, config);
      Aspects.of(app.node.findChild("acme-data-euw1-prod")).add({ visit: () => undefined });
    };
    expect(() => synthWithGuardrails(config, { outdir: join(dir, "out"), build: withAspect })).toThrow(
      "acme-data-euw1-prod has an Aspect: the guardrail gate makes and judges the JSON before cdktf would apply it (app/synthesis.ts). Change the constructs instead.",
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test("deleting a flow log fails synth with NET-4 on that VPC and writes no stack folder", () => {
    const dir = freshDir();
    const outdir = join(dir, "cdktf.out");
    const result = synthWithGuardrails(config, { outdir, build: withoutFlowLog("acme-data-euw1-prod") });
    expect(result.ok).toBe(false);
    const report = gateReport(result);
    expect(report).toMatch(/^acme-data-euw1-prod\/aws_vpc\.network_vpc_[0-9A-F]{8} NET-4 Every VPC needs an aws_flow_log/m);
    expect(report).toMatch(/nothing was synthesized/);
    expect(report.split("\n").filter((line) => / NET-4 /.test(line))).toHaveLength(1);
    expect(existsSync(outdir)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a failing run into an empty folder that exists leaves it empty; a check (no output folder) leaves no folder behind", () => {
    const outdir = freshDir();
    expect(synthWithGuardrails(config, { outdir, build: withoutFlowLog("acme-data-use1-dev") }).ok).toBe(false);
    expect(readdirSync(outdir)).toEqual([]);
    const checks = () => readdirSync(tmpdir()).filter((name) => name.startsWith("cdktf-check-"));
    const before = checks();
    expect(synthWithGuardrails(config, {}).ok).toBe(true);
    expect(checks()).toEqual(before);
  });

  test("a failing run leaves an earlier good output untouched (no half-written output)", () => {
    const dir = freshDir();
    const outdir = join(dir, "cdktf.out");
    expect(synthWithGuardrails(config, { outdir }).ok).toBe(true);
    const before = filesUnder(outdir);
    expect(synthWithGuardrails(config, { outdir, build: withoutFlowLog("acme-data-use1-dev") }).ok).toBe(false);
    expect(filesUnder(outdir)).toEqual(before);
  });

  test("files cdktf did not write (terraform's .terraform, a local state file) survive a new synth", () => {
    const outdir = join(freshDir(), "cdktf.out");
    mkdirSync(join(outdir, "stacks", "acme-data-use1-dev", ".terraform"), { recursive: true });
    writeFileSync(join(outdir, "stacks", "acme-data-use1-dev", "terraform.acme-data-use1-dev.tfstate"), "{}");
    expect(synthWithGuardrails(config, { outdir }).ok).toBe(true);
    expect(readdirSync(join(outdir, "stacks", "acme-data-use1-dev")).sort()).toEqual([".terraform", "cdk.tf.json", "terraform.acme-data-use1-dev.tfstate"]);
  });

  test("main.ts runs the gate: an unused suppression prints a warning, synth still succeeds", () => {
    // Beside the shipped file, so paths in it (policy files) resolve as they do for regions.yaml.
    const regionsFile = `.gate-test-${process.pid}.regions.yaml`;
    const suppression = `suppressions:\n  - rule: NET-4\n    resources: ["nowhere/*"]\n    reason: Left over from a removed region.\n`;
    writeFileSync(regionsFile, `${shippedRegionsText.replace(/^suppressions:.*$/m, "")}\n${suppression}`);
    try {
      const outdir = join(freshDir(), "out");
      const run = spawnSync(process.execPath, [LAUNCH, "main.ts"], { encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir, REGIONS_FILE: regionsFile } });
      expect(run.stderr).toContain(`warning: ${regionsFile}/suppressions[0] NET-4 Unused suppression`);
      expect(run.status).toBe(0);
      expect(existsSync(join(outdir, "manifest.json"))).toBe(true);
    } finally {
      rmSync(regionsFile, { force: true });
    }
  });
});

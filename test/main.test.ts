import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { LAUNCH, shippedConfig, tempDir } from "./utils";
import { stackNames } from "../app/compose";

/** Runs the app entry the way `cdktf synth` does, into a fresh output folder. */
function synthInto(env: Record<string, string> = {}) {
  const outdir = join(tempDir("synth-"), "out");
  const run = spawnSync(process.execPath, [LAUNCH, "main.ts"], {
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
  });
  return { outdir, status: run.status, stderr: run.stderr };
}

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length), readFileSync(path, "utf8"));
    }
  }
  return files;
}

describe("main.ts: load → validate → build", () => {
  test("two synths of the same file are byte-identical", () => {
    const first = synthInto();
    const second = synthInto();
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    const a = filesUnder(first.outdir);
    const b = filesUnder(second.outdir);
    expect([...a.keys()].filter((f) => f.endsWith("cdk.tf.json"))).toHaveLength(stackNames(shippedConfig()).length);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, content] of a) expect(b.get(file), file).toBe(content);
  });

  test("an invalid file exits non-zero, prints every problem, and writes nothing", () => {
    const dir = tempDir("bad-regions-");
    const file = join(dir, "regions.yaml");
    const shipped = readFileSync("regions.yaml", "utf8");
    writeFileSync(file, shipped.replace("company: acme", "company: ACME").replace("vpcCidr: 10.31.0.0/16", "vpcCidr: 10.30.0.0/16"));
    const run = synthInto({ REGIONS_FILE: file });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:9:10 company: expected a company name`);
    expect(run.stderr).toContain(`regions[2].workspaces.prod.vpcCidr: expected a VPC CIDR no other workspace uses`);
    expect(run.stderr).toContain("Nothing was synthesized.");
    expect(existsSync(run.outdir)).toBe(false);
  });

  test("a missing REGIONS_FILE is named and nothing is written", () => {
    const run = synthInto({ REGIONS_FILE: "no/such/regions.yaml" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no/such/regions.yaml: cannot read the regions file: no such file");
    expect(existsSync(run.outdir)).toBe(false);
  });
});

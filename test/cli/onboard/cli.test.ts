import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { validateRegionsText } from "../../../config/load";
import { DATABRICKS_AWS_REGIONS } from "../../../domain/platform-facts";
import { cidrContains, cidrsOverlap, netmaskOf } from "../../../domain/network";
import { main } from "../../../cli/onboard/cli";
import { defaultZones, regionsWithoutZoneChoice, ZONE_CHOICES } from "../../../cli/onboard/availability-zones";
import { runSynth } from "../../../tfjson/synth-run";
import { captureIo, tempDir, testEnv } from "../../utils";
import { insertedBlock, regionsCopy, removeRegionsCopies, REPO_ROOT, type RegionsCopy } from "./helpers";

afterEach(removeRegionsCopies);

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function onboard(copy: RegionsCopy, ...args: string[]): Promise<Run> {
  const io = captureIo(copy.dir);
  const code = await main([...args, "--file", copy.file], io);
  return { code, out: io.out(), err: io.err() };
}

function vpcCidrsOf(text: string): string[] {
  const data = parse(text) as { regions: { workspaces: Record<string, { vpcCidr: string }> }[] };
  return data.regions.flatMap((region) => Object.values(region.workspaces).map((workspace) => workspace.vpcCidr));
}

function environmentsOf(text: string): string[] {
  return Object.keys((parse(text) as { environments: Record<string, unknown> }).environments);
}

describe("onboard: the file changes by exactly one appended region", () => {
  test("the new file minus one inserted block is the old file, and the block is the eu-central-1 entry", async () => {
    const copy = regionsCopy();
    const run = await onboard(copy, "--region", "eu-central-1");
    const after = readFileSync(copy.file, "utf8");

    expect(run).toMatchObject({ code: 0, err: "" });
    const block = insertedBlock(copy.text, after);
    expect(block).toBeDefined();
    const entries = parse(block!.replace(/^ {2}/gm, "")) as unknown[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      region: "eu-central-1",
      availabilityZones: ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
    });
    expect(Object.keys((entries[0] as { workspaces: object }).workspaces)).toEqual(environmentsOf(copy.text));
    // Appended to the list, in the style of the entries above it (same indentation, flow AZ list).
    const data = parse(after) as { regions: { region: string }[] };
    expect(data.regions.at(-1)?.region).toBe("eu-central-1");
    // (The blank line that separates entries is on either side of the block, as a diff sees it.)
    expect(block).toMatch(/^\n? {2}- region: eu-central-1\n {4}availabilityZones: \[eu-central-1a, eu-central-1b, eu-central-1c\]\n {4}workspaces:\n/);
  });

  test("allocated CIDRs overlap nothing, existing or new, across two onboardings, and match the existing size", async () => {
    const copy = regionsCopy();
    expect((await onboard(copy, "--region", "eu-central-1")).code).toBe(0);
    expect((await onboard(copy, "--region", "us-west-2")).code).toBe(0);
    const after = readFileSync(copy.file, "utf8");

    const before = vpcCidrsOf(copy.text);
    const all = vpcCidrsOf(after);
    const added = all.slice(before.length);
    expect(added).toHaveLength(2 * environmentsOf(copy.text).length);
    const pool = (parse(after) as { network: { addressPool: string } }).network.addressPool;
    for (const cidr of added) {
      expect(cidrContains(pool, cidr)).toBe(true);
      expect(netmaskOf(cidr)).toBe(netmaskOf(before[0]));
    }
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) expect(cidrsOverlap(a, b), `${a} overlaps ${b}`).toBe(false);
    }
    expect(validateRegionsText(copy.file, after).ok).toBe(true);
  });

  test("the result validates and synthesizes: the printed stacks appear with the allocated VPCs", async () => {
    const copy = regionsCopy();
    const run = await onboard(copy, "--region", "eu-central-1");
    const result = validateRegionsText(copy.file, readFileSync(copy.file, "utf8"));
    if (!result.ok) throw new Error(result.errors.join("\n"));

    const outDir = join(copy.dir, "cdktf.out");
    await runSynth({ cwd: REPO_ROOT, outDir, what: "the onboarded copy", regionsFile: copy.file });
    const stacks = readdirSync(join(outDir, "stacks"));
    const printed = [...run.out.matchAll(/^ {2}(\S+-euc1-\S+)$/gm)].map((m) => m[1]);
    expect(printed.length).toBeGreaterThan(0);
    expect(stacks).toEqual(expect.arrayContaining(printed));
    const entry = result.config.regions.find((region) => region.region === "eu-central-1")!;
    for (const [environment, workspace] of Object.entries(entry.workspaces)) {
      const stack = stacks.find((name) => name.endsWith(`-euc1-${environment}`))!;
      const json = JSON.parse(readFileSync(join(outDir, "stacks", stack, "cdk.tf.json"), "utf8"));
      expect(Object.values(json.resource.aws_vpc).map((vpc) => (vpc as { cidr_block: string }).cidr_block)).toEqual([workspace.vpcCidr]);
      expect(json.provider.aws[0].region).toBe("eu-central-1");
    }
  });

  test("prints the new stacks and the next commands", async () => {
    const run = await onboard(regionsCopy(), "--region", "eu-central-1");
    expect(run.out).toMatch(/Stacks that will appear \(\d+\):\n {2}\S+-euc1-dev\n/);
    expect(run.out).toContain("npm run validate\n");
    expect(run.out).toContain("npm run review -- --base origin/main\n");
    expect(run.out).toMatch(/CHECKPOINT_DISABLE=1 npx cdktf deploy '\S+-euc1-\*'/);
  });

  test("the next commands name the file when it is not regions.yaml, quoted for the shell", async () => {
    const copy = regionsCopy();
    writeFileSync(join(copy.dir, "team regions.yaml"), copy.text);
    const io = captureIo(copy.dir);
    expect(await main(["--region", "eu-central-1", "--file", "team regions.yaml", "--dry-run"], io)).toBe(0);
    const next = io.out().slice(io.out().indexOf("Next, after running without --dry-run:\n"));
    expect(next.split("\n").slice(1, 5)).toEqual([
      "  npm run validate -- 'team regions.yaml'",
      "  REGIONS_FILE='team regions.yaml' npm run review -- --base origin/main",
      "  REGIONS_FILE='team regions.yaml' CHECKPOINT_DISABLE=1 npx cdktf deploy acme-data-account",
      "  REGIONS_FILE='team regions.yaml' CHECKPOINT_DISABLE=1 npx cdktf deploy 'acme-data-euc1-*' --ignore-missing-stack-dependencies",
    ]);
  });

  test("without --file, REGIONS_FILE names the file, as for every other command; --file wins over it", async () => {
    const copy = regionsCopy();
    const other = join(copy.dir, "other.yaml");
    writeFileSync(other, copy.text);
    const byEnv = captureIo(copy.dir, testEnv({ REGIONS_FILE: "other.yaml" }));
    expect(await main(["--region", "eu-central-1"], byEnv)).toBe(0);
    expect(byEnv.out()).toContain("Added eu-central-1 to other.yaml:");
    expect(readFileSync(other, "utf8")).toContain("- region: eu-central-1");
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);

    const byFlag = captureIo(copy.dir, testEnv({ REGIONS_FILE: "other.yaml" }));
    expect(await main(["--region", "eu-central-1", "--file", "regions.yaml"], byFlag)).toBe(0);
    expect(readFileSync(copy.file, "utf8")).toContain("- region: eu-central-1");
  });

  test("--azs overrides the table, as letters or full names", async () => {
    const copy = regionsCopy();
    expect((await onboard(copy, "--region", "us-west-1", "--azs", "a,c")).code).toBe(0);
    expect((await onboard(copy, "--region", "eu-west-2", "--azs", "eu-west-2b,eu-west-2a")).code).toBe(0);
    const regions = (parse(readFileSync(copy.file, "utf8")) as { regions: { region: string; availabilityZones: string[] }[] }).regions;
    expect(regions.find((r) => r.region === "us-west-1")?.availabilityZones).toEqual(["us-west-1a", "us-west-1c"]);
    expect(regions.find((r) => r.region === "eu-west-2")?.availabilityZones).toEqual(["eu-west-2b", "eu-west-2a"]);
  });
});

describe("onboard --dry-run", () => {
  test("prints a unified diff (the same hunk git diff prints) and writes nothing", async () => {
    const copy = regionsCopy();
    const mtime = statSync(copy.file).mtimeMs;
    const run = await onboard(copy, "--region", "eu-central-1", "--dry-run");

    expect(run.code).toBe(0);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
    expect(statSync(copy.file).mtimeMs).toBe(mtime);
    expect(run.out).toMatch(/^--- a\/regions\.yaml\n\+\+\+ b\/regions\.yaml\n@@ /);
    expect(run.out).toContain("+  - region: eu-central-1\n");
    expect(run.out).toContain("Would add eu-central-1");

    const wanted = join(copy.dir, "wanted.yaml");
    writeFileSync(wanted, copy.text);
    await main(["--region", "eu-central-1", "--file", wanted], captureIo(copy.dir));
    const git = spawnSync("git", ["diff", "--no-index", "--", copy.file, wanted], { encoding: "utf8" });
    const hunk = (text: string) => text.slice(text.indexOf("@@"));
    expect(hunk(run.out.slice(0, run.out.indexOf("\nWould add")))).toBe(hunk(git.stdout));
  });
});

describe("onboard: refusals are one line, exit 1, and leave the file untouched", () => {
  test.each([
    ["a region already in the file", ["--region", "eu-west-1"], /^onboard: eu-west-1 is already in regions\.yaml \(regions\[1\]\); nothing to do\n$/],
    ["an unknown region", ["--region", "eu-centrl-1"], /^onboard: --region: expected an AWS region such as us-east-1, found "eu-centrl-1"\n$/],
    ["a region Databricks does not support", ["--region", "me-south-1"], /^onboard: --region: expected a region where Databricks runs on AWS \(.*\), found "me-south-1"\n$/],
    ["no --region", [], /^onboard: --region is required; usage: /],
    ["a bad --azs", ["--region", "eu-central-1", "--azs", "a,bb"], /^onboard: --azs: expected AZ letters such as a,b,c .*found "bb"\n$/],
    ["an unknown flag", ["--region", "eu-central-1", "--force"], /^onboard: unknown flag "--force"/],
    ["a stray argument", ["eu-central-1"], /^onboard: unexpected argument "eu-central-1"/],
  ])("%s", async (_name, args, message) => {
    const copy = regionsCopy();
    const run = await onboard(copy, ...args);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
  });

  test("a missing file", async () => {
    const io = captureIo(tempDir("onboard-"));
    expect(await main(["--region", "eu-central-1", "--file", "nope.yaml"], io)).toBe(1);
    expect(io.err()).toBe("onboard: cannot read nope.yaml: no such file\n");
  });

  test("an exhausted pool", async () => {
    // The pool holds exactly the two us-east-1 VPCs (10.10/16, 10.11/16) and nothing else.
    const copy = regionsCopy((doc) => doc.setIn(["network", "addressPool"], "10.10.0.0/15"));
    const run = await onboard(copy, "--region", "eu-central-1");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^onboard: network\.addressPool 10\.10\.0\.0\/15 is exhausted: \d+ free \/16 block\(s\) needed, 0 left/);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
  });

  test("no address pool", async () => {
    const copy = regionsCopy((doc) => doc.deleteIn(["network", "addressPool"]));
    const run = await onboard(copy, "--region", "eu-central-1");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^onboard: regions\.yaml has no network\.addressPool to allocate VPC CIDRs from; add one/);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
  });

  test("a result that does not validate: every problem printed, the entry shown, nothing written", async () => {
    const copy = regionsCopy();
    const run = await onboard(copy, "--region", "eu-central-1", "--azs", "a");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^regions\.yaml:\d+:\d+ regions\[\d+\]\.availabilityZones: expected at least 2 availability zones/);
    expect(run.err).toContain("The entry that was tried:\n");
    expect(run.err).toMatch(/onboard: the eu-central-1 entry would make regions\.yaml invalid \(1 problem\(s\)\); nothing was written\n$/);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
  });

  test("a file that is already invalid is not touched", async () => {
    const copy = regionsCopy((doc) => doc.set("company", "ACME"));
    const run = await onboard(copy, "--region", "eu-central-1");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^regions\.yaml:\d+:\d+ company: expected a company name/);
    expect(run.err).toMatch(/onboard: regions\.yaml has 1 problem\(s\) already; fix them first \(npm run validate\)\n$/);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
  });
});

describe("onboard: files next to the regions file", () => {
  const policies = (parse(readFileSync(join(REPO_ROOT, "regions.yaml"), "utf8")) as { clusterPolicies?: { file: string }[] }).clusterPolicies ?? [];

  test.skipIf(!policies.length)("the policy files beside the copy are the ones checked, not the repository's", async () => {
    const copy = regionsCopy();
    writeFileSync(join(copy.dir, policies[0].file), "{ not json");
    const run = await onboard(copy, "--region", "eu-central-1");
    expect(run.code).toBe(1);
    expect(run.err).toContain(policies[0].file.split("/").at(-1));
    expect(run.err).toMatch(/problem\(s\) already/);
    expect(readFileSync(copy.file, "utf8")).toBe(copy.text);
  });
});

describe("onboard: the AZ table", () => {
  test("covers every region Databricks supports", () => {
    expect(regionsWithoutZoneChoice()).toEqual([]);
    expect(Object.keys(ZONE_CHOICES).sort()).toEqual([...DATABRICKS_AWS_REGIONS].sort());
  });

  test("gives three AZs everywhere except where a note says why not", () => {
    for (const region of DATABRICKS_AWS_REGIONS) {
      const { zones, note } = defaultZones(region)!;
      expect(zones.length, region).toBeGreaterThanOrEqual(2);
      if (zones.length < 3 || zones.some((zone) => !/[abc]$/.test(zone))) expect(note, region).toBeDefined();
      for (const zone of zones) expect(zone).toMatch(new RegExp(`^${region}[a-z]$`));
    }
    expect(defaultZones("us-west-1")?.zones).toHaveLength(2);
  });
});

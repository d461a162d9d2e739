/**
 * Input that used to pass validation and fail later (at plan, at apply) or never: each is a located
 * problem at the config boundary, and both entry points refuse it the same way, writing nothing.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { RULE_IDS } from "../../domain/rule-ids";
import { UC_PRIVILEGES } from "../../domain/platform-facts";
import { main as validate } from "../../cli/validate";
import { createLimiter } from "../integration/pool";
import { captureIo, LAUNCH, shippedRegionsText, testEnv } from "../utils";

const run = promisify(execFile);
/**
 * Each synth is a node process loading the whole app (~2 s of CPU): two at a time keep a 2-core
 * machine, shared with other test files, from running twenty at once.
 */
const spawnSlot = createLimiter(2);
const root = mkdtempSync(join(tmpdir(), "bad-input-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The shipped file with one edit, in a folder of its own next to a copy of policies/. */
function regionsFileWith(name: string, from: string, to: string): string {
  if (!shippedRegionsText.includes(from)) throw new Error(`regions.yaml has no ${JSON.stringify(from)}`);
  const dir = join(root, name.replace(/\W+/g, "-"));
  mkdirSync(dir);
  cpSync("policies", join(dir, "policies"), { recursive: true });
  const file = join(dir, "regions.yaml");
  writeFileSync(file, shippedRegionsText.replace(from, to));
  return file;
}

const CLOUDWATCH = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";

/** name, edit of the shipped file, the problem it must produce: `<file>:<line>:<col> <path>: …`. */
const BAD_INPUT: readonly (readonly [string, string, string, string])[] = [
  [
    "a VPC CIDR outside RFC 1918 space",
    "vpcCidr: 10.31.0.0/16",
    "vpcCidr: 100.64.0.0/16",
    '180:18 regions[2].workspaces.prod.vpcCidr: expected a private (RFC 1918) block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, found "100.64.0.0/16"',
  ],
  [
    "an onboarding address pool outside RFC 1918 space",
    "addressPool: 10.0.0.0/8",
    "addressPool: 11.0.0.0/8",
    '39:16 network.addressPool: expected a private (RFC 1918) block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, found "11.0.0.0/8"',
  ],
  [
    "a flow-log retention CloudWatch refuses",
    "  publicSubnetNetmask: 26 ",
    "  flowLogRetentionDays: 10\n  publicSubnetNetmask: 26 ",
    `38:25 network.flowLogRetentionDays: expected a retention CloudWatch Logs accepts (${CLOUDWATCH} days), found 10`,
  ],
  [
    "an availability zone letter its region does not have",
    "[eu-west-1a, eu-west-1b, eu-west-1c]",
    "[eu-west-1a, eu-west-1b, eu-west-1d]",
    '161:49 regions[1].availabilityZones[2]: expected an availability zone of eu-west-1 (eu-west-1a, eu-west-1b, eu-west-1c), found "eu-west-1d"',
  ],
  [
    "an instance type that is not an EC2 type name",
    "instanceTypes: [m6i.xlarge, m6i.2xlarge, r6i.xlarge, r6i.2xlarge]",
    "instanceTypes: [m6i.xlarge, m6i.huge, r6i.xlarge, r6i.2xlarge]",
    '50:35 environments.dev.clusters.instanceTypes[1]: expected an EC2 instance type name <family>.<size> such as m6i.xlarge or r6gd.2xlarge, found "m6i.huge"',
  ],
  [
    "a suppression naming a rule the pack does not have",
    "\nusageLogs:",
    '\nsuppressions:\n  - rule: NET-99\n    resources: ["acme-data-*/aws_vpc.*"]\n    reason: A rule ID with a typo in it.\nusageLogs:',
    `122:11 suppressions[0].rule: expected a rule ID of the guardrail pack (${RULE_IDS.join(", ")}), found "NET-99"`,
  ],
  [
    "a policy file outside the regions file's folder",
    "file: policies/job.json",
    "file: policies/../../secrets/job.json",
    '101:11 clusterPolicies[0].file: expected a path inside the regions file\'s folder, found "policies/../../secrets/job.json", which leads outside it',
  ],
  [
    "a policy file that is a directory",
    "file: policies/job.json",
    "file: policies",
    "101:11 clusterPolicies[0].file: expected a policy JSON file, found a directory (DIR/policies)",
  ],
  [
    "a catalog privilege Unity Catalog does not have",
    "privileges: [USE_CATALOG, USE_SCHEMA, SELECT]\n    - group: analysts",
    "privileges: [USE_CATALOG, USE_SCHEMA, SELEKT]\n    - group: analysts",
    `198:45 dataAccess.catalog[2].privileges[2]: expected one of ${UC_PRIVILEGES.catalog.join(", ")}, found "SELEKT" (did you mean "SELECT"?)`,
  ],
  [
    "a data-bucket grant to a group that does not exist",
    "      - group: data-scientists\n        privileges: [READ_FILES]",
    "      - group: data-scientist\n        privileges: [READ_FILES]",
    '208:16 dataAccess.dataBuckets.landing[1].group: expected a group defined under groups (data-platform-admins, data-engineers, data-scientists, analysts, job-owners), found "data-scientist"',
  ],
  [
    "a data bucket whose name has dots",
    "bucket: acme-landing-euw1",
    "bucket: acme.landing.euw1",
    '169:17 regions[1].dataBuckets[0].bucket: expected an S3 bucket name without dots (Databricks does not support them): 3-63 lowercase letters, digits or -, found "acme.landing.euw1"',
  ],
  [
    "a budget with a negative monthly amount",
    "monthlyUsd: 8000",
    "monthlyUsd: -8000",
    "136:19 spend.budgets[1].monthlyUsd: expected a whole number of US dollars above 0, found -8000",
  ],
];

const cases = BAD_INPUT.map(([name, from, to, problem]) => {
  const file = regionsFileWith(name, from, to);
  return { name, file, problem: problem.replace("DIR", join(file, "..")) };
});

describe("bad input: a located problem, from validate and from synth, and nothing written", () => {
  test.each(cases)("validate: $name", async ({ file, problem }) => {
    const io = captureIo(process.cwd(), testEnv());
    expect(await validate([file], io)).toBe(1);
    expect({ out: io.out(), err: io.err() }).toEqual({ out: "", err: `${file}:${problem}\nvalidate: ${file}: 1 problem(s)\n` });
  });

  test("synth (main.ts): every case exits 1 with the same line and writes no output folder", async () => {
    const runs = await Promise.all(
      cases.map(async ({ file }) => {
        const outdir = join(file, "..", "cdktf.out");
        const result = await spawnSlot(() =>
          run(process.execPath, [LAUNCH, "main.ts"], {
            env: { ...process.env, REGIONS_FILE: file, CDKTF_OUTDIR: outdir },
          }),
        ).then(
          () => ({ code: 0, stderr: "" }),
          (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
        );
        return { ...result, wrote: existsSync(outdir) };
      }),
    );
    for (const [i, { file, problem }] of cases.entries()) {
      expect(runs[i].code, cases[i].name).toBe(1);
      expect(runs[i].stderr, cases[i].name).toBe(`${file}: 1 problem\n${file}:${problem}\nNothing was synthesized.\n`);
      expect(runs[i].wrote, cases[i].name).toBe(false);
    }
  }, 300_000); // ~20 synths two at a time: under a load of 20 on 2 cores that passes a minute.
});

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { validateRegionsText } from "../../config/load";
import { awsVersionsIn, cliConfigText, detectSetup, FAKE_CREDENTIALS, terraformEnvironment } from "./environment";
import { sanitizePlan } from "./fixture-run";
import type { PlanJson } from "./plan-json";
import { createLimiter } from "./pool";
import { SCENARIOS, ScenarioError } from "./scenarios";
import { BROKEN_CIDR, withBrokenVpcCidr } from "./self-check";
import { totalLine, verdictLine, type StackVerdict } from "./stack-tier";
import {
  onlyPreventDestroyErrors,
  parseUiStream,
  preventDestroyRefusals,
  terraformMessage,
  versionGapHint,
} from "./terraform";
import { SHIPPED_REGIONS_FILE, shippedRegionsText, tempDir } from "../utils";

const scratch = () => tempDir("terraform-tier-test-");

describe("terraform output, read the way the tier reports it", () => {
  // Wording and wrapping as terraform 1.11 prints them (-no-color).
  const refusal = [
    "╷",
    "│ Error: Instance cannot be destroyed",
    "│",
    "│   on main.tf.json line 812:",
    "│ 812:       \"aws_s3_bucket\": {",
    "│",
    "│ Resource aws_s3_bucket.root-bucket_storage_bucket_FD3DE753 has",
    "│ lifecycle.prevent_destroy set, but the plan calls for this resource to be",
    "│ destroyed.",
    "╵",
  ].join("\n");

  test("terraformMessage drops the frame and keeps terraform's words", () => {
    const message = terraformMessage({ code: 1, stdout: "", stderr: refusal });
    expect(message.split("\n")[0]).toBe("Error: Instance cannot be destroyed");
    expect(message).not.toMatch(/[│╷╵]/);
  });

  test("prevent_destroy refusals are found even when terraform wraps the sentence", () => {
    const message = terraformMessage({ code: 1, stdout: "", stderr: refusal });
    expect(preventDestroyRefusals(message)).toEqual(["aws_s3_bucket.root-bucket_storage_bucket_FD3DE753"]);
    expect(onlyPreventDestroyErrors(message)).toBe(true);
    expect(onlyPreventDestroyErrors(`${message}\n\nError: Invalid reference`)).toBe(false);
  });

  test("the streamed UI of plan -json: planned changes and error diagnostics", () => {
    const stream = [
      JSON.stringify({ type: "version", terraform: "1.11.4" }),
      JSON.stringify({ type: "planned_change", change: { resource: { addr: "aws_vpc.v" }, action: "replace", reason: "cannot_update" } }),
      JSON.stringify({
        type: "diagnostic",
        diagnostic: { severity: "error", summary: "Invalid value", detail: "expected cidr_block to contain a valid Value", address: "aws_vpc.v", range: { filename: "main.tf.json", start: { line: 12 } } },
      }),
      JSON.stringify({ type: "diagnostic", diagnostic: { severity: "warning", summary: "Deprecated" } }),
    ].join("\n");
    expect(parseUiStream(stream)).toEqual({
      changes: [{ address: "aws_vpc.v", action: "replace" }],
      errors: "Error: Invalid value\n  with aws_vpc.v\n  on main.tf.json line 12\n\nexpected cidr_block to contain a valid Value",
    });
  });

  test("an argument unknown to the mirror's provider gets a hint about the 5.x/6.x gap", () => {
    expect(versionGapHint('An argument named "region" is not expected here.', "5.100.0", "6.25.0")).toMatch(
      /^hint: "region" is unknown to hashicorp\/aws 5\.100\.0 \(the offline mirror\); the bindings target 6\.25\.0/,
    );
    expect(versionGapHint("Error: Invalid value", "5.100.0", "6.25.0")).toBeUndefined();
  });
});

describe("environment: where terraform and the mirror are, and what terraform runs with", () => {
  test("the mirror's AWS versions, unpacked and packed layouts", () => {
    const root = scratch();
    const aws = join(root, "registry.terraform.io", "hashicorp", "aws");
    mkdirSync(join(aws, "5.100.0", "linux_amd64"), { recursive: true });
    writeFileSync(join(aws, "5.100.0", "linux_amd64", "terraform-provider-aws_v5.100.0_x5"), "");
    mkdirSync(join(aws, "5.9.0", "linux_amd64"), { recursive: true });
    writeFileSync(join(aws, "5.9.0", "linux_amd64", "terraform-provider-aws_v5.9.0_x5"), "");
    writeFileSync(join(aws, "terraform-provider-aws_6.25.0_darwin_arm64.zip"), "");
    expect(awsVersionsIn(root, "linux_amd64")).toEqual(["5.9.0", "5.100.0"]);
    expect(awsVersionsIn(root, "darwin_arm64")).toEqual(["6.25.0"]);
    expect(awsVersionsIn(join(root, "nothing"), "linux_amd64")).toEqual([]);
  });

  test("missing terraform or mirror is named (the tier prints skipped: … and exits 0)", () => {
    expect(detectSetup({ TERRAFORM_BIN: "/nonexistent/terraform" })).toEqual({
      ok: false, missing: "terraform (TERRAFORM_BIN=/nonexistent/terraform does not exist)",
    });
    expect(detectSetup({ PATH: scratch() })).toEqual({ ok: false, missing: "terraform (not on PATH)" });
    const empty = scratch();
    expect(detectSetup({ TERRAFORM_BIN: process.execPath, TF_TIER_MIRROR: empty })).toMatchObject({
      ok: false, missing: expect.stringMatching(/^the hashicorp\/aws provider mirror for \w+ \(looked in .*; set TF_TIER_MIRROR to its root\)$/),
    });
  });

  test("the CLI config installs from the mirror only, into one plugin cache", () => {
    expect(cliConfigText("/opt/tf-plugins", "/tmp/t/plugin-cache")).toBe(
      [
        'plugin_cache_dir   = "/tmp/t/plugin-cache"',
        "disable_checkpoint = true",
        "provider_installation {",
        "  filesystem_mirror {",
        '    path    = "/opt/tf-plugins"',
        '    include = ["registry.terraform.io/hashicorp/aws"]',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  test("terraform gets fake credentials, our CLI config, and nothing else from the caller", () => {
    const workDir = scratch();
    const env = terraformEnvironment(
      { terraformBin: "terraform", terraformVersion: "1.11.4", mirrorRoot: "/opt/tf-plugins", awsVersion: "5.100.0" },
      workDir,
      { PATH: "/usr/bin", HOME: "/home/me", AWS_PROFILE: "prod-admin", AWS_SESSION_TOKEN: "real", TF_CLI_CONFIG_FILE: "/home/me/.terraformrc" },
    );
    expect(env).toMatchObject({ ...FAKE_CREDENTIALS, PATH: "/usr/bin", TF_CLI_CONFIG_FILE: join(workDir, "terraform.rc"), AWS_EC2_METADATA_DISABLED: "true" });
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^AKIAFAKE/);
    expect(Object.keys(env)).not.toEqual(expect.arrayContaining(["AWS_PROFILE"]));
    expect(env).not.toHaveProperty("AWS_SESSION_TOKEN");
  });
});

describe("scenarios: edits of the shipped regions.yaml the comparison plans", () => {
  test.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))("%s changes the file and keeps it valid", (_name, scenario) => {
    const edited = scenario.edit(shippedRegionsText);
    expect(edited).not.toBe(shippedRegionsText);
    const result = validateRegionsText(SHIPPED_REGIONS_FILE, edited);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  test("an edit whose text is gone fails loudly instead of testing nothing", () => {
    expect(() => SCENARIOS[0].edit("company: initech\n")).toThrow(ScenarioError);
  });
});

describe("self-check and fixtures", () => {
  test("withBrokenVpcCidr breaks exactly one VPC's cidr_block", () => {
    const config = { resource: { aws_vpc: { a: { cidr_block: "10.0.0.0/16", tags: {} } }, aws_subnet: { s: {} } } };
    expect(withBrokenVpcCidr(config)).toEqual({
      address: "aws_vpc.a",
      config: { resource: { aws_vpc: { a: { cidr_block: BROKEN_CIDR, tags: {} } }, aws_subnet: { s: {} } } },
    });
    expect(config.resource.aws_vpc.a.cidr_block).toBe("10.0.0.0/16");
    expect(withBrokenVpcCidr({ resource: { aws_s3_bucket: { b: {} } } })).toBeUndefined();
  });

  test("sanitizePlan zeroes the account id and refuses anything that must not be published", () => {
    const plan = { format_version: "1.2", terraform_version: "1.11.4", configuration: { arn: "arn:aws:iam::123456789012:root" } } as unknown as PlanJson;
    expect(sanitizePlan(plan, "/tmp/work")).toContain("arn:aws:iam::000000000000:root");
    expect(() => sanitizePlan({ ...plan, configuration: { dir: "/tmp/work/stacks" } } as PlanJson, "/tmp/work")).toThrow(/would contain \/tmp\/work/);
    expect(() => sanitizePlan({ ...plan, configuration: { key: FAKE_CREDENTIALS.AWS_ACCESS_KEY_ID } } as PlanJson, "/w")).toThrow(/would contain AKIA/);
  });
});

describe("the tier's lines: one per stack, then a total", () => {
  const plan = { format_version: "1.2", terraform_version: "1.11.4" };
  const verdicts: StackVerdict[] = [
    { stack: "acme-data-use1-dev", status: "planned", add: 53, plan, config: {} },
    { stack: "acme-data-use1-dev-config", status: "skipped", reason: "no AWS resources" },
    { stack: "acme-data-use1-prod", status: "failed", step: "validate", message: 'Error: Unsupported argument\n\nAn argument named "region" is not expected here.' },
  ];

  test("a failure names the stack, the step and terraform's message", () => {
    expect(verdicts.map((v) => verdictLine(v, 25)).join("\n").split("\n")).toEqual([
      "acme-data-use1-dev         validated, planned, 53 to add",
      "acme-data-use1-dev-config  skipped: no AWS resources",
      "acme-data-use1-prod        FAILED at terraform validate:",
      "    Error: Unsupported argument",
      "    ",
      '    An argument named "region" is not expected here.',
    ]);
    expect(totalLine(verdicts)).toBe("total: 1/3 stacks validated and planned, 53 to add, 1 skipped, 1 failed");
  });
});

describe("createLimiter: one process per core, whoever starts the work", () => {
  test("never more than the limit at once, and every task finishes", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async (i: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return i;
    };
    expect(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => limit(() => task(i))))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});

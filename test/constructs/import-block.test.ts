import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { afterEach, describe, expect, test } from "vitest";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { importExisting } from "../../constructs/import-block";
import { tempDir, testApp } from "../utils";

function stackWithVpc(app: App = testApp()) {
  const stack = new TerraformStack(app, "s");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const vpc = new Vpc(stack, "vpc", { cidrBlock: "10.0.0.0/16", lifecycle: { ignoreChanges: ["tags"] } });
  return { app, stack, vpc };
}

describe("importExisting: an import block, and prevent_destroy", () => {
  test("writes Terraform's import block beside the resource, whose address it leaves alone", () => {
    const { stack, vpc } = stackWithVpc();
    const before = vpc.friendlyUniqueId;
    importExisting(vpc, "vpc-0123456789abcdef0", ["cidr_block"]);
    const json = JSON.parse(Testing.synth(stack));
    expect(vpc.friendlyUniqueId).toBe(before);
    expect(json.import).toEqual([{ to: `aws_vpc.${before}`, id: "vpc-0123456789abcdef0" }]);
    expect(json.resource.aws_vpc[before].lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["tags", "cidr_block"] });
  });

  test("several imports land in one list", () => {
    const { stack, vpc } = stackWithVpc();
    const other = new Vpc(stack, "other", { cidrBlock: "10.1.0.0/16" });
    importExisting(vpc, "vpc-1");
    importExisting(other, "vpc-2");
    expect(JSON.parse(Testing.synth(stack)).import.map((entry: { id: string }) => entry.id)).toEqual(["vpc-1", "vpc-2"]);
  });
});

describe("synth with import blocks runs no terraform binary", () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  /** An app with one imported VPC, synthesized (validations included) with no terraform on PATH. */
  function synthWithoutTerraform(adopt: (vpc: Vpc) => void): void {
    const outdir = join(tempDir("import-block-"), "out");
    mkdirSync(outdir);
    const { app, vpc } = stackWithVpc(new App({ outdir }));
    adopt(vpc);
    process.env.PATH = tempDir("empty-path-");
    app.synth();
  }

  test("importExisting: fine", () => {
    expect(() => synthWithoutTerraform((vpc) => importExisting(vpc, "vpc-1"))).not.toThrow();
  });

  test("cdktf's own importFrom() would run `terraform version` (why it is not used)", () => {
    expect(() => synthWithoutTerraform((vpc) => vpc.importFrom("vpc-1"))).toThrow(/Could not determine version of terraform/);
  });
});

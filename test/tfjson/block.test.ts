import { describe, expect, test } from "vitest";
import { parseStack } from "../../tfjson/block";

const STACK = {
  "//": { metadata: { stackName: "s" } },
  provider: { aws: [{ region: "us-east-1" }, { alias: "west", region: "us-west-2" }], databricks: { host: "https://x" } },
  resource: {
    aws_vpc: {
      main: { "//": { metadata: { path: "s/main" } }, cidr_block: "10.0.0.0/16", lifecycle: { prevent_destroy: true }, provider: "aws.west", depends_on: ["aws_x.y"] },
    },
  },
  data: { aws_iam_policy_document: { doc: { statement: [{ actions: ["s3:GetObject"] }] } } },
  output: { vpc_id: { value: "${aws_vpc.main.id}", sensitive: true, description: "the VPC" } },
  variable: { region: { default: "us-east-1" } },
  locals: { prefix: "acme" },
  terraform: { backend: { s3: { bucket: "state", key: "s.tfstate" } } },
};

describe("parseStack: one block per Terraform address", () => {
  const stack = parseStack("s", STACK);

  test("every block, addressed as expressions name it", () => {
    expect(stack.blocks.map((block) => `${block.kind} ${block.address}`)).toEqual([
      "provider provider.aws",
      "provider provider.aws.west",
      "provider provider.databricks",
      "resource aws_vpc.main",
      "data data.aws_iam_policy_document.doc",
      "output output.vpc_id",
      "variable var.region",
      "local local.prefix",
      "terraform terraform",
    ]);
  });

  test("body as synthesized without cdktf's metadata; arguments without meta-arguments", () => {
    const vpc = stack.block("aws_vpc.main")!;
    expect(vpc.body).toEqual({ cidr_block: "10.0.0.0/16", lifecycle: { prevent_destroy: true }, provider: "aws.west", depends_on: ["aws_x.y"] });
    expect(vpc.arguments).toEqual({ cidr_block: "10.0.0.0/16" });
    expect(vpc).toMatchObject({ type: "aws_vpc", name: "main", preventDestroy: true, provider: "aws.west" });
    expect(stack.block("provider.aws.west")).toMatchObject({ name: "west", type: "aws", arguments: { region: "us-west-2" } });
  });

  test("an output passes on its value; locals and variables are blocks too", () => {
    expect(stack.block("output.vpc_id")).toMatchObject({ sensitive: true, arguments: { value: "${aws_vpc.main.id}" } });
    expect(stack.block("local.prefix")?.arguments).toEqual({ value: "acme" });
    expect(stack.block("var.region")?.body).toEqual({ default: "us-east-1" });
  });

  test("lookups by type, and the backend", () => {
    expect(stack.ofType("aws_vpc").map((block) => block.address)).toEqual(["aws_vpc.main"]);
    expect(stack.ofType("aws_iam_policy_document", "data")).toHaveLength(1);
    expect(stack.ofType("aws_iam_policy_document")).toEqual([]);
    expect(stack.backend).toEqual({ s3: { bucket: "state", key: "s.tfstate" } });
  });

  test("blocks come in key order whatever the JSON's key order: cdktf's file and its JSON in memory read alike", () => {
    const inMemory = {
      resource: { aws_vpc: { b: {}, a: {} }, aws_subnet: { z: {}, c: {} } },
      output: { y: { value: 1 }, x: { value: 2 } },
      provider: { databricks: [{}], aws: [{}] },
    };
    expect(parseStack("s", inMemory).blocks.map((block) => block.address)).toEqual([
      "provider.aws",
      "provider.databricks",
      "aws_subnet.c",
      "aws_subnet.z",
      "aws_vpc.a",
      "aws_vpc.b",
      "output.x",
      "output.y",
    ]);
    expect(parseStack("s", inMemory).ofType("aws_subnet").map((block) => block.address)).toEqual(["aws_subnet.c", "aws_subnet.z"]);
  });

  test("a block is the same object whichever lookup makes it first; resources are counted without making them", () => {
    const fresh = parseStack("s", STACK);
    const vpc = fresh.ofType("aws_vpc")[0];
    expect(fresh.block("aws_vpc.main")).toBe(vpc);
    expect(fresh.blocks).toContain(vpc);
    expect(parseStack("s", STACK).resourceCount).toBe(1);
    expect(parseStack("x", { resource: { aws_vpc: { a: {}, b: "oops" }, aws_subnet: { c: {}, d: {} }, bad: 3 } }).resourceCount).toBe(3);
  });

  test("anything that is not a stack reads as an empty one", () => {
    expect(parseStack("x", null).blocks).toEqual([]);
    expect(parseStack("x", { resource: { aws_vpc: "oops" } }).blocks).toEqual([]);
  });
});

describe("parseStack: import blocks and the lifecycle marker", () => {
  const stack = parseStack("s", {
    "//": { metadata: { stackName: "s" }, lifecycle: { decommission: { region: "ap-southeast-2" }, adopted: { workspaceName: "legacy", conventionName: "acme-data-apse2-prod" } } },
    import: [{ to: "aws_vpc.v", id: "vpc-0123456789abcdef0" }, { to: "databricks_mws_workspaces.w", id: "acc/123", provider: "databricks.account" }, { to: 7 }],
    resource: { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } },
  });

  test("imports in order, malformed entries skipped", () => {
    expect(stack.imports).toEqual([
      { to: "aws_vpc.v", id: "vpc-0123456789abcdef0" },
      { to: "databricks_mws_workspaces.w", id: "acc/123", provider: "databricks.account" },
    ]);
  });

  test("the marker is read from `//`, and is no block", () => {
    expect(stack.lifecycle).toEqual({ decommission: { region: "ap-southeast-2" }, adopted: { workspaceName: "legacy", conventionName: "acme-data-apse2-prod" } });
    expect(stack.blocks.map((block) => block.address)).toEqual(["aws_vpc.v"]);
    expect(parseStack("t", { "//": { lifecycle: { decommission: { region: 3 }, adopted: { workspaceName: "x" } } } }).lifecycle).toEqual({});
    expect(parseStack("u", {}).imports).toEqual([]);
  });
});

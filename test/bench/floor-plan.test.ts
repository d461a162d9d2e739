import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { synthFloor } from "./floor-app";
import { countSynth, floorPlanFrom, readSynth, toConfig } from "./floor-plan";
import { composeStacks, stackNames } from "../../app/compose";
import { shippedConfig, testApp } from "../utils";
import { removeLater, tempDir, removeTempDirs } from "./temp-dirs";

afterAll(removeTempDirs);

describe("floor-plan, floor-app: the floor emits what our synth emits, with literal values", () => {
  test("Terraform JSON keys become the classes' camelCase config; map keys and values pass unchanged", () => {
    expect(
      toConfig({
        "//": { metadata: { path: "x" } },
        cidr_block: "10.0.0.0/16",
        depends_on: ["aws_vpc.a"],
        provider: "aws.alias",
        lifecycle: { prevent_destroy: true },
        tags: { Name: "vpc", CostCenter: "CC-1" },
        ingress: [{ from_port: 443, cidr_blocks: ["${aws_vpc.a.cidr_block}"] }],
      }),
    ).toEqual({
      cidrBlock: "10.0.0.0/16",
      lifecycle: { preventDestroy: true },
      tags: { Name: "vpc", CostCenter: "CC-1" },
      ingress: [{ fromPort: 443, cidrBlocks: ["${aws_vpc.a.cidr_block}"] }],
    });
  });

  test("for the shipped file: the floor writes our JSON, block for block, but for cdktf's construct-path metadata", async () => {
    const dir = tempDir("bench-floor-");
    const app = testApp();
    composeStacks(app, shippedConfig());
    app.synth();
    const ours = removeLater(app.outdir);
    const floor = join(dir, "floor");
    const plan = floorPlanFrom(ours);
    await synthFloor(plan, floor);

    const expected = countSynth(ours);
    const actual = countSynth(floor);
    expect(expected.stacks).toBe(stackNames(shippedConfig()).length);
    expect(actual.perStackType).toEqual(expected.perStackType);
    // 3 private, 3 public and 3 PrivateLink subnets.
    expect(expected.perStackType["acme-data-use1-prod resource.aws_subnet"]).toBe(9);
    expect(plan.packages).toMatchObject({ aws: "@cdktf/provider-aws", databricks: "@cdktf/provider-databricks" });
    // Map keys (tags, triggers) go through the camelCase config like attribute names: compare keys without case or "_".
    const ourStacks = new Map(readSynth(ours).map(({ name, json }) => [name, comparable(json)]));
    for (const { name, json } of readSynth(floor)) expect(comparable(json), name).toEqual(ourStacks.get(name));
  });
});

/** A stack's JSON without cdktf's `//` metadata, keys without case or "_". */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, inner]) => [key.replaceAll("_", "").toLowerCase(), comparable(inner)]),
  );
}
